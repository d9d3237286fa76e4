package nym.credential;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import nym.coconut.CoconutException;
import nym.coconut.verification.Showing;
import nym.coconut.verification.Theta;
import nym.credential.PayloadException.Kind;

/**
 * The {@code credential} of a ledger {@code CredentialDeposit} transaction (and of its {@code redeem} event,
 * base64): what the verifiers need besides the event's own attributes to re-check a spend — the key epoch whose
 * verification key the credential was issued under, the shown credential Θ (which carries ζ) and the nonce the
 * provider issued for this spend.
 *
 * <p>The binding, agreed between holder, provider and verifiers:
 *
 * <ul>
 *   <li>verifier identity = the provider's 20-byte ledger address, the one that signs the deposit (the event's
 *       {@code provider} attribute; {@link ProviderAddress#parse(String)} turns {@code 0x…} into those bytes);
 *   <li>nonce = the bytes in this payload, 16..255 bytes, chosen by the provider for this spend;
 *   <li>public attribute = [value], the deposit's {@code value}; ζ in Θ equals the deposit's {@code zeta};
 *   <li>verification key = the group key of {@code keyEpoch} as the ledger's {@code /dkg/completed} names it, if
 *       {@link KeyEpochWindow} still accepts that key epoch.
 * </ul>
 *
 * <p>Binary form, version 2: {@code 0x02 ‖ 'D' ‖ u64 key epoch ‖ u8 len ‖ nonce ‖ u16 len ‖ Θ (coconut binary)}.
 * Version 1 (no key epoch, from before the DKG) is refused.
 */
public record DepositPayload(long keyEpoch, byte[] nonce, Theta theta) {
    static final byte VERSION = 2;
    static final byte TYPE = 'D';
    private static final String WHAT = "deposit payload";

    public DepositPayload {
        Objects.requireNonNull(nonce);
        Objects.requireNonNull(theta);
        if (keyEpoch < 1) {
            throw new IllegalArgumentException("key epochs are numbered from 1");
        }
        if (nonce.length < Showing.MIN_NONCE || nonce.length > Showing.MAX_NONCE) {
            throw new IllegalArgumentException(
                    "nonce must have " + Showing.MIN_NONCE + ".." + Showing.MAX_NONCE + " bytes");
        }
        nonce = nonce.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    /** ζ in the ledger's form: the canonical 48-byte compressed G1 encoding. */
    public byte[] zeta() {
        return theta.zeta().toBytes();
    }

    /** ζ as the ledger's events and queries write it: lowercase hex. */
    public String zetaHex() {
        return HexFormat.of().formatHex(zeta());
    }

    public byte[] toBytes() {
        return new PayloadWriter(VERSION, TYPE)
                .u64(keyEpoch)
                .shortField(nonce)
                .longField(theta.toBytes())
                .toBytes();
    }

    /**
     * Parses strictly: header, key epoch (≥ 1), nonce length, Θ's Coconut encoding (every point checked), no trailing
     * bytes. A version 1 payload is refused with UNSUPPORTED_VERSION: it names no key epoch, so no verifier could
     * tell which key to check it with.
     */
    public static DepositPayload fromBytes(byte[] bytes) throws PayloadException {
        if (bytes != null && bytes.length >= 2 && bytes[0] == 1 && bytes[1] == TYPE) {
            throw new PayloadException(
                    Kind.UNSUPPORTED_VERSION,
                    WHAT + " version 1 names no key epoch and is no longer accepted: credentials are spent with"
                            + " version 2, which names the key epoch they were issued under");
        }
        PayloadReader r = PayloadReader.open(bytes, VERSION, TYPE, WHAT);
        long keyEpoch = r.u64("key epoch");
        if (keyEpoch < 1) {
            throw new PayloadException(Kind.MALFORMED, WHAT + ": key epoch 0 (key epochs are numbered from 1)");
        }
        byte[] nonce = r.shortField("nonce", Showing.MIN_NONCE, Showing.MAX_NONCE);
        byte[] theta = r.longField("Θ", 1, PayloadWriter.MAX_BYTES);
        r.end();
        try {
            return new DepositPayload(keyEpoch, nonce, Theta.fromBytes(theta));
        } catch (CoconutException e) {
            throw new PayloadException(Kind.INVALID_ELEMENT, WHAT + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DepositPayload d
                && keyEpoch == d.keyEpoch
                && Arrays.equals(nonce, d.nonce)
                && theta.equals(d.theta);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyEpoch, Arrays.hashCode(nonce), theta);
    }

    @Override
    public String toString() {
        return "DepositPayload[key epoch " + keyEpoch + ", zeta=" + zetaHex() + ", nonce=" + nonce.length + " bytes]";
    }
}
