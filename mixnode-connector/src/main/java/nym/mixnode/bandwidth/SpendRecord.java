package nym.mixnode.bandwidth;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One spend this gateway accepted, as kept in {@code data/bandwidth/spends/}: enough to redeem it after a restart
 * (Θ, its key epoch and nonce make the deposit payload) and to take the bandwidth back from its client. The text
 * form is one {@code key=value} per line, every key required exactly once; byte fields in lowercase hex.
 *
 * @param seq the order of acceptance at this gateway (1, 2, …)
 * @param zeta ζ, the credential's double-spend tag (48 bytes)
 * @param clientId who was credited
 * @param value the credential's value in NYM
 * @param keyEpoch the key epoch it was issued in
 * @param nonce the offer's nonce it was shown for
 * @param theta Θ's bytes
 * @param granted bytes credited for it
 * @param status how far its redemption got
 * @param depositTx the signed CredentialDeposit once made (empty before)
 * @param sentAtMillis when it was last sent to the ledger (0 before)
 * @param resubmissions how often the same bytes were sent again
 */
public record SpendRecord(
        long seq,
        byte[] zeta,
        byte[] clientId,
        long value,
        long keyEpoch,
        byte[] nonce,
        byte[] theta,
        long granted,
        Status status,
        byte[] depositTx,
        long sentAtMillis,
        int resubmissions) {

    /** Where a spend's redemption stands. */
    public enum Status {
        /** Credited; its deposit is not signed yet. */
        ACCEPTED,
        /** Its deposit is signed and stored, and sent (or about to be) but not seen in a block. */
        SUBMITTED,
        /** Its deposit is in a block; the verifiers are voting. */
        IN_BLOCK,
        /** The ledger settled the deposit: the gateway was paid (done). */
        SETTLED,
        /** The ledger refused the deposit, the verifiers rejected it, it expired or never landed: taken back (done). */
        TAKEN_BACK;

        public boolean finished() {
            return this == SETTLED || this == TAKEN_BACK;
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    public SpendRecord {
        Objects.requireNonNull(zeta, "zeta");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(theta, "theta");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(depositTx, "depositTx");
        if (seq < 1 || value < 1 || keyEpoch < 1 || granted < 0 || sentAtMillis < 0 || resubmissions < 0) {
            throw new IllegalArgumentException("a spend record's numbers are out of range");
        }
        if ((status == Status.ACCEPTED) != (depositTx.length == 0)) {
            throw new IllegalArgumentException("a spend has a deposit exactly from SUBMITTED on");
        }
    }

    /** A spend just accepted. */
    static SpendRecord accepted(
            long seq,
            byte[] zeta,
            byte[] clientId,
            long value,
            long keyEpoch,
            byte[] nonce,
            byte[] theta,
            long granted) {
        return new SpendRecord(
                seq, zeta, clientId, value, keyEpoch, nonce, theta, granted, Status.ACCEPTED, new byte[0], 0, 0);
    }

    SpendRecord submitted(byte[] tx, long atMillis, int resubmitted) {
        return new SpendRecord(
                seq,
                zeta,
                clientId,
                value,
                keyEpoch,
                nonce,
                theta,
                granted,
                Status.SUBMITTED,
                tx,
                atMillis,
                resubmitted);
    }

    SpendRecord with(Status next) {
        return new SpendRecord(
                seq,
                zeta,
                clientId,
                value,
                keyEpoch,
                nonce,
                theta,
                granted,
                next,
                depositTx,
                sentAtMillis,
                resubmissions);
    }

    /** Back to ACCEPTED: the deposit was refused before it could reach a block, so a new one may be signed. */
    SpendRecord unsigned() {
        return new SpendRecord(
                seq, zeta, clientId, value, keyEpoch, nonce, theta, granted, Status.ACCEPTED, new byte[0], 0, 0);
    }

    public String zetaHex() {
        return HEX.formatHex(zeta);
    }

    public byte[] toText() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("seq", Long.toString(seq));
        fields.put("zeta", HEX.formatHex(zeta));
        fields.put("client", HEX.formatHex(clientId));
        fields.put("value", Long.toString(value));
        fields.put("key_epoch", Long.toString(keyEpoch));
        fields.put("nonce", HEX.formatHex(nonce));
        fields.put("theta", HEX.formatHex(theta));
        fields.put("granted", Long.toString(granted));
        fields.put("status", status.name());
        fields.put("deposit_tx", HEX.formatHex(depositTx));
        fields.put("sent_at_ms", Long.toString(sentAtMillis));
        fields.put("resubmissions", Integer.toString(resubmissions));
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Parses {@link #toText()}.
     *
     * @throws IllegalArgumentException naming what is wrong (never echoing the content)
     */
    public static SpendRecord parse(byte[] text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : new String(text, StandardCharsets.US_ASCII).split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1 || fields.put(line.substring(0, eq), line.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("a line is not key=value, or a key appears twice");
            }
        }
        if (fields.size() != 12) {
            throw new IllegalArgumentException("a spend record has 12 fields, this one " + fields.size());
        }
        try {
            return new SpendRecord(
                    Long.parseLong(field(fields, "seq")),
                    bytes(fields, "zeta"),
                    bytes(fields, "client"),
                    Long.parseLong(field(fields, "value")),
                    Long.parseLong(field(fields, "key_epoch")),
                    bytes(fields, "nonce"),
                    bytes(fields, "theta"),
                    Long.parseLong(field(fields, "granted")),
                    Status.valueOf(field(fields, "status")),
                    bytes(fields, "deposit_tx"),
                    Long.parseLong(field(fields, "sent_at_ms")),
                    Integer.parseInt(field(fields, "resubmissions")));
        } catch (NullPointerException e) {
            throw new IllegalArgumentException("a field is missing");
        }
    }

    private static String field(Map<String, String> fields, String key) {
        String v = fields.get(key);
        if (v == null) {
            throw new IllegalArgumentException("field " + key + " is missing");
        }
        return v;
    }

    private static byte[] bytes(Map<String, String> fields, String key) {
        try {
            return HEX.parseHex(field(fields, key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field " + key + " is not hex");
        }
    }

    @Override
    public String toString() {
        return "Spend[" + seq + ", " + status + ", value=" + value + ", granted=" + granted + "]";
    }
}
