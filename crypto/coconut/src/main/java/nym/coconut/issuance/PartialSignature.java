package nym.coconut.issuance;

import java.util.Objects;
import nym.coconut.CoconutException;
import nym.coconut.encoding.ByteReader;
import nym.coconut.encoding.ByteWriter;
import nym.coconut.encoding.Sizes;
import nym.coconut.encoding.TextForm;
import nym.coconut.encoding.TypeTag;

/** Issuer i's unblinded signature share σ_i = (h, s_i), with its Shamir index i ≥ 1. */
public record PartialSignature(int index, Signature signature) {
    public PartialSignature {
        Objects.requireNonNull(signature);
        if (index < 1 || index > Sizes.MAX_INDEX) {
            throw new IllegalArgumentException("share index must be in [1, " + Sizes.MAX_INDEX + "]");
        }
    }

    public byte[] toBytes() {
        return new ByteWriter(TypeTag.PARTIAL_SIGNATURE, Sizes.partialSignature())
                .u16(index)
                .g1(signature.h())
                .g1(signature.s())
                .toBytes();
    }

    public static PartialSignature fromBytes(byte[] bytes) throws CoconutException {
        ByteReader r = ByteReader.open(bytes, TypeTag.PARTIAL_SIGNATURE).expectTotal(Sizes.partialSignature());
        int index = r.index();
        Signature s = new Signature(r.g1(), r.g1());
        r.end();
        return new PartialSignature(index, s);
    }

    public String toText() {
        return TextForm.encode(TypeTag.PARTIAL_SIGNATURE, toBytes());
    }

    public static PartialSignature fromText(String text) throws CoconutException {
        return fromBytes(TextForm.decode(TypeTag.PARTIAL_SIGNATURE, text));
    }
}
