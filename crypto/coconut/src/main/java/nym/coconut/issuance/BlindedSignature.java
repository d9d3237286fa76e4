package nym.coconut.issuance;

import java.util.Objects;
import nym.coconut.CoconutException;
import nym.coconut.encoding.ByteReader;
import nym.coconut.encoding.ByteWriter;
import nym.coconut.encoding.Sizes;
import nym.coconut.encoding.TextForm;
import nym.coconut.encoding.TypeTag;
import nym.coconut.math.G1Element;

/** σ̃ = (h, c̃) with c̃ = (ã, b̃) = (∏ a_j^{y_j}, h^{x + Σ_public y_j m_j} ∏ b_j^{y_j}), an encrypted signature share. */
public record BlindedSignature(G1Element h, G1Element aTilde, G1Element bTilde) {
    public BlindedSignature {
        Objects.requireNonNull(h);
        Objects.requireNonNull(aTilde);
        Objects.requireNonNull(bTilde);
    }

    public byte[] toBytes() {
        return new ByteWriter(TypeTag.BLINDED_SIGNATURE, Sizes.blindedSignature())
                .g1(h)
                .g1(aTilde)
                .g1(bTilde)
                .toBytes();
    }

    public static BlindedSignature fromBytes(byte[] bytes) throws CoconutException {
        ByteReader r = ByteReader.open(bytes, TypeTag.BLINDED_SIGNATURE).expectTotal(Sizes.blindedSignature());
        BlindedSignature s = new BlindedSignature(r.g1(), r.g1(), r.g1());
        r.end();
        return s;
    }

    public String toText() {
        return TextForm.encode(TypeTag.BLINDED_SIGNATURE, toBytes());
    }

    public static BlindedSignature fromText(String text) throws CoconutException {
        return fromBytes(TextForm.decode(TypeTag.BLINDED_SIGNATURE, text));
    }
}
