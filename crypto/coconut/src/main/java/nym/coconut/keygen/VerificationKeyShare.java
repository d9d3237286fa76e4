package nym.coconut.keygen;

import java.util.Objects;
import nym.coconut.CoconutException;
import nym.coconut.encoding.ByteReader;
import nym.coconut.encoding.ByteWriter;
import nym.coconut.encoding.Sizes;
import nym.coconut.encoding.TextForm;
import nym.coconut.encoding.TypeTag;

/** Issuer i's verification key vk_i = (g2, α_i, β_i1..β_iq), with its Shamir index i ≥ 1. */
public record VerificationKeyShare(int index, VerificationKey key) {

    public VerificationKeyShare {
        Objects.requireNonNull(key);
        if (index < 1 || index > Sizes.MAX_INDEX) {
            throw new IllegalArgumentException("share index must be in [1, " + Sizes.MAX_INDEX + "]");
        }
    }

    public byte[] toBytes() {
        ByteWriter w = new ByteWriter(TypeTag.VERIFICATION_KEY_SHARE, Sizes.verificationKeyShare(key.size()));
        return key.writeBody(w.u16(index)).toBytes();
    }

    public static VerificationKeyShare fromBytes(byte[] bytes) throws CoconutException {
        ByteReader r = ByteReader.open(bytes, TypeTag.VERIFICATION_KEY_SHARE);
        int index = r.index();
        return new VerificationKeyShare(index, VerificationKey.readBody(r, Sizes.HEADER + Sizes.INDEX));
    }

    public String toText() {
        return TextForm.encode(TypeTag.VERIFICATION_KEY_SHARE, toBytes());
    }

    public static VerificationKeyShare fromText(String text) throws CoconutException {
        return fromBytes(TextForm.decode(TypeTag.VERIFICATION_KEY_SHARE, text));
    }
}
