package nym.coconut.issuance;

import java.util.Objects;
import nym.coconut.CoconutException;
import nym.coconut.encoding.ByteReader;
import nym.coconut.encoding.ByteWriter;
import nym.coconut.encoding.Sizes;
import nym.coconut.encoding.TextForm;
import nym.coconut.encoding.TypeTag;
import nym.coconut.math.G1Element;

/** The holder's ElGamal public key γ = g1^d, under which private attributes are encrypted for blind signing. */
public record ElGamalPublicKey(G1Element gamma) {
    public ElGamalPublicKey {
        Objects.requireNonNull(gamma);
    }

    public byte[] toBytes() {
        return new ByteWriter(TypeTag.ELGAMAL_PUBLIC_KEY, Sizes.elGamalPublicKey())
                .g1(gamma)
                .toBytes();
    }

    public static ElGamalPublicKey fromBytes(byte[] bytes) throws CoconutException {
        ByteReader r = ByteReader.open(bytes, TypeTag.ELGAMAL_PUBLIC_KEY).expectTotal(Sizes.elGamalPublicKey());
        G1Element gamma = r.g1();
        r.end();
        return new ElGamalPublicKey(gamma);
    }

    public String toText() {
        return TextForm.encode(TypeTag.ELGAMAL_PUBLIC_KEY, toBytes());
    }

    public static ElGamalPublicKey fromText(String text) throws CoconutException {
        return fromBytes(TextForm.decode(TypeTag.ELGAMAL_PUBLIC_KEY, text));
    }
}
