package nym.coconut.keygen;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nym.coconut.CoconutException;
import nym.coconut.encoding.ByteReader;
import nym.coconut.encoding.ByteWriter;
import nym.coconut.encoding.Sizes;
import nym.coconut.encoding.TextForm;
import nym.coconut.encoding.TypeTag;
import nym.coconut.math.G2Element;

/**
 * A verification key vk = (g2, α, β_1..β_q) with α = g2^x and β_j = g2^{y_j}. g2 is the fixed generator of the
 * parameters and is not stored. Neither α nor any β_j may be the identity.
 */
public final class VerificationKey {
    private final G2Element alpha;
    private final List<G2Element> betas;

    public VerificationKey(G2Element alpha, List<G2Element> betas) {
        this.alpha = Objects.requireNonNull(alpha);
        this.betas = List.copyOf(betas);
    }

    /** α = g2^x. */
    public G2Element alpha() {
        return alpha;
    }

    /** β_j = g2^{y_j} for j in [0, q). */
    public G2Element beta(int j) {
        return betas.get(j);
    }

    /** β_1..β_q. */
    public List<G2Element> betas() {
        return betas;
    }

    /** q. */
    public int size() {
        return betas.size();
    }

    public byte[] toBytes() {
        return writeBody(new ByteWriter(TypeTag.VERIFICATION_KEY, Sizes.verificationKey(size())))
                .toBytes();
    }

    ByteWriter writeBody(ByteWriter w) {
        w.u8(betas.size()).g2(alpha);
        betas.forEach(w::g2);
        return w;
    }

    static VerificationKey readBody(ByteReader r, int headerAndIndex) throws CoconutException {
        int q = r.count(1, Sizes.MAX_ATTRIBUTES);
        r.expectTotal(headerAndIndex + Sizes.COUNT + Sizes.G2 * (1 + q));
        G2Element alpha = r.g2();
        List<G2Element> betas = new ArrayList<>(q);
        for (int j = 0; j < q; j++) {
            betas.add(r.g2());
        }
        r.end();
        return new VerificationKey(alpha, betas);
    }

    public static VerificationKey fromBytes(byte[] bytes) throws CoconutException {
        return readBody(ByteReader.open(bytes, TypeTag.VERIFICATION_KEY), Sizes.HEADER);
    }

    public String toText() {
        return TextForm.encode(TypeTag.VERIFICATION_KEY, toBytes());
    }

    public static VerificationKey fromText(String text) throws CoconutException {
        return fromBytes(TextForm.decode(TypeTag.VERIFICATION_KEY, text));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerificationKey
                && ((VerificationKey) o).alpha.equals(alpha)
                && ((VerificationKey) o).betas.equals(betas);
    }

    @Override
    public int hashCode() {
        return alpha.hashCode();
    }

    @Override
    public String toString() {
        return "VerificationKey[q=" + betas.size() + ", α=" + alpha + "]";
    }
}
