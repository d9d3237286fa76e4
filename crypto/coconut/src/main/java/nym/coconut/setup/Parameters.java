package nym.coconut.setup;

import java.util.List;
import java.util.Objects;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.encoding.ByteReader;
import nym.coconut.encoding.ByteWriter;
import nym.coconut.encoding.Sizes;
import nym.coconut.encoding.TextForm;
import nym.coconut.encoding.TypeTag;
import nym.coconut.math.G1Element;
import nym.coconut.math.G2Element;

/**
 * Public parameters params = (G1, G2, G_T, e, g1, g2, h_1..h_q) for credentials of up to q attributes. g1 and g2 are
 * the standard BLS12-381 generators; h_j = HashToG1("h" ‖ j) under {@link Setup#GENERATOR_DST}, so nobody knows a
 * discrete-log relation between them. Everything is derived from q, which is all the encoding carries.
 */
public final class Parameters {
    private final int q;
    private final List<G1Element> hs;

    Parameters(int q, List<G1Element> hs) {
        this.q = q;
        this.hs = List.copyOf(hs);
    }

    /** q, the largest number of attributes (private + public) a credential may carry. */
    public int maxAttributes() {
        return q;
    }

    /** g1. */
    public G1Element g1() {
        return G1Element.GENERATOR;
    }

    /** g2. */
    public G2Element g2() {
        return G2Element.GENERATOR;
    }

    /** h_j for j in [0, q) (h_{j+1} in the paper's 1-based notation). */
    public G1Element h(int j) {
        return hs.get(j);
    }

    /** h_1..h_q. */
    public List<G1Element> hs() {
        return hs;
    }

    /** Throws unless {@code privateCount + publicCount} attributes fit. */
    public void checkAttributeCount(int privateCount, int publicCount) throws CoconutException {
        if (privateCount < 0 || publicCount < 0 || privateCount + publicCount == 0 || privateCount + publicCount > q) {
            throw new CoconutException(
                    Kind.INVALID_ARGUMENT,
                    "credential with " + privateCount + " private and " + publicCount
                            + " public attributes does not fit q = " + q);
        }
    }

    public byte[] toBytes() {
        return new ByteWriter(TypeTag.PARAMETERS, Sizes.parameters()).u8(q).toBytes();
    }

    public static Parameters fromBytes(byte[] bytes) throws CoconutException {
        ByteReader r = ByteReader.open(bytes, TypeTag.PARAMETERS).expectTotal(Sizes.parameters());
        int q = r.count(1, Sizes.MAX_ATTRIBUTES);
        r.end();
        return Setup.setup(q);
    }

    public String toText() {
        return TextForm.encode(TypeTag.PARAMETERS, toBytes());
    }

    public static Parameters fromText(String text) throws CoconutException {
        return fromBytes(TextForm.decode(TypeTag.PARAMETERS, text));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters && ((Parameters) o).q == q;
    }

    @Override
    public int hashCode() {
        return Objects.hash(q);
    }

    @Override
    public String toString() {
        return "Parameters[q=" + q + "]";
    }
}
