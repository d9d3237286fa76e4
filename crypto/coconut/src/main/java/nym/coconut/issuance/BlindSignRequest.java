package nym.coconut.issuance;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nym.coconut.CoconutException;
import nym.coconut.encoding.ByteReader;
import nym.coconut.encoding.ByteWriter;
import nym.coconut.encoding.Sizes;
import nym.coconut.encoding.TextForm;
import nym.coconut.encoding.TypeTag;
import nym.coconut.math.G1Element;

/**
 * Λ = (cm, c, π_s): the Pedersen commitment cm = g1^o ∏ h_j^{m_j} to all attributes, the ElGamal ciphertexts
 * c_j of the private ones, and the proof π_s. h = H(cm) is recomputed by every issuer.
 */
public record BlindSignRequest(G1Element commitment, List<Ciphertext> ciphertexts, BlindSignProof proof) {
    public BlindSignRequest {
        Objects.requireNonNull(commitment);
        Objects.requireNonNull(proof);
        ciphertexts = List.copyOf(ciphertexts);
        if (ciphertexts.isEmpty() || ciphertexts.size() != proof.responsesK().size()) {
            throw new IllegalArgumentException("one ciphertext and one response pair per private attribute, ≥ 1");
        }
    }

    /** p, the number of private attributes. */
    public int privateCount() {
        return ciphertexts.size();
    }

    public byte[] toBytes() {
        int p = privateCount();
        ByteWriter w = new ByteWriter(TypeTag.BLIND_SIGN_REQUEST, Sizes.blindSignRequest(p))
                .u8(p)
                .g1(commitment);
        for (Ciphertext c : ciphertexts) {
            w.g1(c.a()).g1(c.b());
        }
        w.scalar(proof.challenge()).scalar(proof.responseO());
        proof.responsesK().forEach(w::scalar);
        proof.responsesM().forEach(w::scalar);
        return w.toBytes();
    }

    public static BlindSignRequest fromBytes(byte[] bytes) throws CoconutException {
        ByteReader r = ByteReader.open(bytes, TypeTag.BLIND_SIGN_REQUEST);
        int p = r.count(1, Sizes.MAX_ATTRIBUTES);
        r.expectTotal(Sizes.blindSignRequest(p));
        G1Element cm = r.g1();
        List<Ciphertext> cs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            cs.add(new Ciphertext(r.g1(), r.g1()));
        }
        BigInteger c = r.scalar();
        BigInteger ro = r.scalar();
        List<BigInteger> rk = new ArrayList<>(p);
        List<BigInteger> rm = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            rk.add(r.scalar());
        }
        for (int j = 0; j < p; j++) {
            rm.add(r.scalar());
        }
        r.end();
        return new BlindSignRequest(cm, cs, new BlindSignProof(c, ro, rk, rm));
    }

    public String toText() {
        return TextForm.encode(TypeTag.BLIND_SIGN_REQUEST, toBytes());
    }

    public static BlindSignRequest fromText(String text) throws CoconutException {
        return fromBytes(TextForm.decode(TypeTag.BLIND_SIGN_REQUEST, text));
    }
}
