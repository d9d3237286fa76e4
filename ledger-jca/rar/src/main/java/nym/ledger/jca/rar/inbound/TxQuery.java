package nym.ledger.jca.rar.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nym.ledger.jca.EventAttribute;
import nym.ledger.jca.LedgerEvent;
import nym.ledger.jca.LedgerException;

/**
 * The part of CometBFT's query language the adapter evaluates itself, on the events of one transaction read from
 * {@code block_results}: conditions {@code <type>.<attribute> EXISTS} and {@code <type>.<attribute> = '<text>'},
 * joined by {@code AND}; {@code tm.event = 'Tx'} is implied. As in CometBFT, a transaction matches when every
 * condition holds for some event of it. Any other form is refused when the activation is validated, so the
 * websocket subscription (evaluated by the node) and the backfill (evaluated here) never disagree.
 */
public final class TxQuery {

    private static final Pattern TM_EVENT = Pattern.compile("tm\\.event\\s*=\\s*'Tx'", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXISTS =
            Pattern.compile("([A-Za-z0-9_\\-]+)\\.([A-Za-z0-9_\\-.]+)\\s+EXISTS", Pattern.CASE_INSENSITIVE);
    private static final Pattern EQUALS = Pattern.compile("([A-Za-z0-9_\\-]+)\\.([A-Za-z0-9_\\-.]+)\\s*=\\s*'([^']*)'");
    private static final Pattern AND = Pattern.compile("\\s+AND\\s+", Pattern.CASE_INSENSITIVE);

    /** One condition; {@code value} null for EXISTS. */
    private record Condition(String type, String key, String value) {
        boolean holdsFor(LedgerEvent e) {
            if (!e.type().equals(type)) {
                return false;
            }
            for (EventAttribute a : e.attributes()) {
                if (a.key().equals(key) && (value == null || value.equals(a.value()))) {
                    return true;
                }
            }
            return false;
        }
    }

    private final String text;
    private final List<Condition> conditions;

    private TxQuery(String text, List<Condition> conditions) {
        this.text = text;
        this.conditions = List.copyOf(conditions);
    }

    /** Parses a query; {@link LedgerException.Kind#CONFIGURATION} for a form the adapter cannot evaluate. */
    public static TxQuery parse(String query) throws LedgerException {
        String q = query == null ? "" : query.trim();
        List<Condition> conditions = new ArrayList<>();
        for (String part : splitOutsideQuotes(q)) {
            Matcher m;
            if (TM_EVENT.matcher(part).matches()) {
                continue;
            } else if ((m = EXISTS.matcher(part)).matches()) {
                conditions.add(new Condition(m.group(1), m.group(2), null));
            } else if ((m = EQUALS.matcher(part)).matches()) {
                conditions.add(new Condition(m.group(1), m.group(2), m.group(3)));
            } else {
                throw new LedgerException(
                        LedgerException.Kind.CONFIGURATION,
                        "query condition '" + part + "' of [" + q + "] is not <type>.<attribute> EXISTS or "
                                + "<type>.<attribute> = '<text>'");
            }
        }
        if (conditions.isEmpty()) {
            throw new LedgerException(LedgerException.Kind.CONFIGURATION, "query [" + q + "] names no event attribute");
        }
        return new TxQuery(q, conditions);
    }

    /** The conditions joined by AND; an AND inside a quoted value does not split. */
    private static List<String> splitOutsideQuotes(String q) {
        List<String> parts = new ArrayList<>();
        Matcher m = AND.matcher(q);
        int from = 0;
        while (m.find()) {
            if (q.substring(from, m.start()).chars().filter(c -> c == '\'').count() % 2 == 0) {
                parts.add(q.substring(from, m.start()).trim());
                from = m.end();
            }
        }
        parts.add(q.substring(from).trim());
        return parts;
    }

    /** Whether a transaction with these events matches. */
    public boolean matches(List<LedgerEvent> txEvents) {
        return conditions.stream().allMatch(c -> txEvents.stream().anyMatch(c::holdsFor));
    }

    /** The query of the websocket subscription: Tx events matching this query. */
    public String subscription() {
        return TM_EVENT.matcher(text).find() ? text : "tm.event='Tx' AND " + text;
    }

    @Override
    public String toString() {
        return text;
    }
}
