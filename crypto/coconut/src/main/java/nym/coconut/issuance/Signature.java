package nym.coconut.issuance;

import java.util.Objects;
import nym.coconut.CoconutException;
import nym.coconut.encoding.ByteReader;
import nym.coconut.encoding.ByteWriter;
import nym.coconut.encoding.Sizes;
import nym.coconut.encoding.TextForm;
import nym.coconut.encoding.TypeTag;
import nym.coconut.math.G1Element;

/**
 * A Pointcheval–Sanders signature σ = (h, s) = (h, h^{x + Σ y_j m_j}); h is never the identity. A credential is such
 * a signature (aggregated from t shares) on the holder's attributes.
 */
public record Signature(G1Element h, G1Element s) {
    public Signature {
        Objects.requireNonNull(h);
        Objects.requireNonNull(s);
    }

    public byte[] toBytes() {
        return new ByteWriter(TypeTag.SIGNATURE, Sizes.signature()).g1(h).g1(s).toBytes();
    }

    public static Signature fromBytes(byte[] bytes) throws CoconutException {
        ByteReader r = ByteReader.open(bytes, TypeTag.SIGNATURE).expectTotal(Sizes.signature());
        Signature s = new Signature(r.g1(), r.g1());
        r.end();
        return s;
    }

    public String toText() {
        return TextForm.encode(TypeTag.SIGNATURE, toBytes());
    }

    public static Signature fromText(String text) throws CoconutException {
        return fromBytes(TextForm.decode(TypeTag.SIGNATURE, text));
    }
}
