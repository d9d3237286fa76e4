package nym.coconut.verification;

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
import nym.coconut.math.G2Element;

/**
 * A shown credential Θ = (κ, ν, σ', π_v) with the double-spend tag ζ = g1^s: the re-randomized signature
 * σ' = (h', s'), κ = α g2^r ∏ β_j^{m_j} over the private attributes, ν = h'^r, and the proof π_v. None of the points
 * may be the identity.
 */
public record Theta(
        G1Element hPrime, G1Element sPrime, G2Element kappa, G1Element nu, G1Element zeta, ShowProof proof) {
    public Theta {
        Objects.requireNonNull(hPrime);
        Objects.requireNonNull(sPrime);
        Objects.requireNonNull(kappa);
        Objects.requireNonNull(nu);
        Objects.requireNonNull(zeta);
        Objects.requireNonNull(proof);
    }

    /** p, the number of private attributes hidden in κ. */
    public int privateCount() {
        return proof.responsesM().size();
    }

    public byte[] toBytes() {
        int p = privateCount();
        ByteWriter w = new ByteWriter(TypeTag.THETA, Sizes.theta(p))
                .u8(p)
                .g1(hPrime)
                .g1(sPrime)
                .g2(kappa)
                .g1(nu)
                .g1(zeta)
                .scalar(proof.challenge())
                .scalar(proof.responseR());
        proof.responsesM().forEach(w::scalar);
        return w.toBytes();
    }

    public static Theta fromBytes(byte[] bytes) throws CoconutException {
        ByteReader r = ByteReader.open(bytes, TypeTag.THETA);
        int p = r.count(1, Sizes.MAX_ATTRIBUTES);
        r.expectTotal(Sizes.theta(p));
        G1Element hPrime = r.g1();
        G1Element sPrime = r.g1();
        G2Element kappa = r.g2();
        G1Element nu = r.g1();
        G1Element zeta = r.g1();
        BigInteger c = r.scalar();
        BigInteger rr = r.scalar();
        List<BigInteger> rm = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            rm.add(r.scalar());
        }
        r.end();
        return new Theta(hPrime, sPrime, kappa, nu, zeta, new ShowProof(c, rr, rm));
    }

    public String toText() {
        return TextForm.encode(TypeTag.THETA, toBytes());
    }

    public static Theta fromText(String text) throws CoconutException {
        return fromBytes(TextForm.decode(TypeTag.THETA, text));
    }
}
