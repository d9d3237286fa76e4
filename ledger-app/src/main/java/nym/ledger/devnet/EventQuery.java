package nym.ledger.devnet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nym.ledger.LedgerException;
import nym.ledger.LedgerException.Kind;

/**
 * CometBFT's event query language (pubsub/query): conditions joined by {@code AND} (no OR), each
 * {@code key op operand} with op one of {@code = < <= > >= CONTAINS EXISTS}; operands are 'quoted strings' or
 * numbers. Keys are composite ({@code tm.event}, {@code tx.hash}, {@code tx.height}, {@code <type>.<attribute>}).
 * A condition holds when any value of its key satisfies it.
 */
public final class EventQuery {
    enum Op {
        EQ,
        LT,
        LE,
        GT,
        GE,
        CONTAINS,
        EXISTS
    }

    record Condition(String key, Op op, String text, BigDecimal number) {}

    private final String source;
    private final List<Condition> conditions;

    private EventQuery(String source, List<Condition> conditions) {
        this.source = source;
        this.conditions = conditions;
    }

    public String source() {
        return source;
    }

    /** Parses; throws INVALID_ARGUMENT with "failed to parse query: offset N: ..." like CometBFT. */
    public static EventQuery parse(String q) {
        if (q == null || q.isBlank()) {
            throw new LedgerException(Kind.INVALID_ARGUMENT, "failed to parse query: empty query");
        }
        Parser p = new Parser(q);
        List<Condition> cs = new ArrayList<>();
        p.skipSpace();
        cs.add(p.condition());
        p.skipSpace();
        while (!p.atEnd()) {
            p.expectWord("AND");
            p.skipSpace();
            cs.add(p.condition());
            p.skipSpace();
        }
        return new EventQuery(q, List.copyOf(cs));
    }

    public boolean matches(Map<String, List<String>> events) {
        for (Condition c : conditions) {
            List<String> values = events.get(c.key());
            if (values == null || values.isEmpty()) {
                return false;
            }
            if (c.op() == Op.EXISTS) {
                continue;
            }
            boolean any = false;
            for (String v : values) {
                if (holds(c, v)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Condition c, String v) {
        if (c.op() == Op.CONTAINS) {
            return v.contains(c.text());
        }
        if (c.number() == null) {
            return c.op() == Op.EQ && v.equals(c.text());
        }
        BigDecimal x;
        try {
            x = new BigDecimal(v.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        int cmp = x.compareTo(c.number());
        return switch (c.op()) {
            case EQ -> cmp == 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return source;
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        LedgerException error(String what) {
            return new LedgerException(Kind.INVALID_ARGUMENT, "failed to parse query: offset " + i + ": " + what);
        }

        void expectWord(String w) {
            if (!s.startsWith(w, i)
                    || (i + w.length() < s.length() && !Character.isWhitespace(s.charAt(i + w.length())))) {
                throw error("got " + rest() + ", wanted " + w);
            }
            i += w.length();
        }

        String rest() {
            int end = i;
            while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
                end++;
            }
            return end == i ? "end of input" : "'" + s.substring(i, end) + "'";
        }

        Condition condition() {
            int start = i;
            while (i < s.length() && isTagChar(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw error("got " + rest() + ", wanted tag");
            }
            String key = s.substring(start, i);
            skipSpace();
            Op op = operator();
            if (op == Op.EXISTS) {
                return new Condition(key, op, null, null);
            }
            skipSpace();
            if (atEnd()) {
                throw error("got end of input, wanted value");
            }
            char c = s.charAt(i);
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    throw error("unterminated string");
                }
                String text = s.substring(i + 1, end);
                i = end + 1;
                return new Condition(key, op, text, null);
            }
            int vs = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '-')) {
                i++;
            }
            if (vs == i) {
                throw error("got " + rest() + ", wanted number or 'string'");
            }
            String num = s.substring(vs, i);
            try {
                return new Condition(key, op, num, new BigDecimal(num));
            } catch (NumberFormatException e) {
                throw error("bad number " + num);
            }
        }

        private Op operator() {
            String[] ops = {"<=", ">=", "<", ">", "=", "CONTAINS", "EXISTS"};
            Op[] vals = {Op.LE, Op.GE, Op.LT, Op.GT, Op.EQ, Op.CONTAINS, Op.EXISTS};
            for (int k = 0; k < ops.length; k++) {
                if (s.startsWith(ops[k], i)) {
                    i += ops[k].length();
                    return vals[k];
                }
            }
            throw error("got " + rest() + ", wanted <= operator, >= operator, < operator, > operator, = operator,"
                    + " CONTAINS operator or EXISTS operator");
        }

        private static boolean isTagChar(char c) {
            return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '/';
        }
    }
}
