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
 * base64): what the verifiers need besides the event's own attributes to re-check a spend — the shown credential Θ
 * (which carries ζ) and the nonce the provider issued for this spend.
 *
 * <p>The binding, agreed between holder, provider and verifiers:
 *
 * <ul>
 *   <li>verifier identity = the provider's 20-byte ledger address, the one that signs the deposit (the event's
 *       {@code provider} attribute; {@link ProviderAddress#parse(String)} turns {@code 0x…} into those bytes);
 *   <li>nonce = the bytes in this payload, 16..255 bytes, chosen by the provider for this spend;
 *   <li>public attribute = [value], the deposit's {@code value}; ζ in Θ equals the deposit's {@code zeta}.
 * </ul>
 *
 * <p>Binary form, version 1: {@code 0x01 ‖ 'D' ‖ u8 len ‖ nonce ‖ u16 len ‖ Θ (coconut binary)}.
 */
public record DepositPayload(byte[] nonce, Theta theta) {
    static final byte TYPE = 'D';
    private static final String WHAT = "deposit payload";

    public DepositPayload {
        Objects.requireNonNull(nonce);
        Objects.requireNonNull(theta);
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
        return new PayloadWriter(TYPE)
                .shortField(nonce)
                .longField(theta.toBytes())
                .toBytes();
    }

    /** Parses strictly: header, nonce length, Θ's Coconut encoding (every point checked), no trailing bytes. */
    public static DepositPayload fromBytes(byte[] bytes) throws PayloadException {
        PayloadReader r = PayloadReader.open(bytes, TYPE, WHAT);
        byte[] nonce = r.shortField("nonce", Showing.MIN_NONCE, Showing.MAX_NONCE);
        byte[] theta = r.longField("Θ", 1, PayloadWriter.MAX_BYTES);
        r.end();
        try {
            return new DepositPayload(nonce, Theta.fromBytes(theta));
        } catch (CoconutException e) {
            throw new PayloadException(Kind.INVALID_ELEMENT, WHAT + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DepositPayload d && Arrays.equals(nonce, d.nonce) && theta.equals(d.theta);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nonce) + theta.hashCode();
    }

    @Override
    public String toString() {
        return "DepositPayload[zeta=" + zetaHex() + ", nonce=" + nonce.length + " bytes]";
    }
}
