package nym.coconut.issuance;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import nym.coconut.Attributes;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.RandomSource;
import nym.coconut.SecretScalar;
import nym.coconut.keygen.SecretKey;
import nym.coconut.math.G1Element;
import nym.coconut.math.Scalars;
import nym.coconut.math.Transcript;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;

/**
 * Issuance: PrepareBlindSign (holder), BlindSign (each issuer), Unblind (holder), and plain Sign over public
 * attributes. Attribute j (0-based) is signed under y_j / β_j: private attributes first, then public ones.
 */
public final class Issuance {
    static final String PI_S_LABEL = "NYM-COCONUT-V01/pi_s";
    private static final byte[] SIGN_PREFIX = {'m'};

    private Issuance() {}

    /** h = H(cm): hash of the compressed commitment to G1 under {@link Setup#HASH_DST}. */
    public static G1Element hashCommitment(G1Element cm) {
        return G1Element.hashToCurve(cm.toBytes(), Setup.HASH_DST);
    }

    /**
     * PrepareBlindSign(m, γ) → Λ. Picks o, computes cm = g1^o ∏_{j&lt;ℓ} h_j^{m_j} and h = H(cm), encrypts each private
     * m_j as c_j = (g1^{k_j}, γ^{k_j} h^{m_j}) and proves π_s. The public attributes are part of cm (so h is bound
     * to them) but are not proven: the issuer divides them out.
     */
    public static BlindSignRequest prepareBlindSign(
            Parameters params, ElGamalPublicKey gammaKey, Attributes attributes, RandomSource rng)
            throws CoconutException {
        int p = attributes.privateCount();
        int k = attributes.publicCount();
        params.checkAttributeCount(p, k);
        if (p < 1) {
            throw new CoconutException(Kind.INVALID_ARGUMENT, "blind signing needs at least one private attribute");
        }
        G1Element g1 = params.g1();
        G1Element gamma = gammaKey.gamma();
        List<BigInteger> m = attributes.allValues();

        BigInteger o = Scalars.randomNonZero(rng);
        List<G1Element> cmBases = new ArrayList<>(p + k + 1);
        List<BigInteger> cmScalars = new ArrayList<>(p + k + 1);
        cmBases.add(g1);
        cmScalars.add(o);
        for (int j = 0; j < p + k; j++) {
            cmBases.add(params.h(j));
            cmScalars.add(m.get(j));
        }
        G1Element cm = G1Element.multiScalarMul(cmBases, cmScalars);
        G1Element h = hashCommitment(cm);

        List<BigInteger> ks = new ArrayList<>(p);
        List<Ciphertext> cs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            BigInteger kj = Scalars.randomNonZero(rng);
            ks.add(kj);
            cs.add(new Ciphertext(g1.mul(kj), G1Element.multiScalarMul(List.of(gamma, h), List.of(kj, m.get(j)))));
        }

        // Witness commitments.
        BigInteger wo = Scalars.random(rng);
        List<BigInteger> wk = new ArrayList<>(p);
        List<BigInteger> wm = new ArrayList<>(p);
        List<G1Element> aCmBases = new ArrayList<>(p + 1);
        List<BigInteger> aCmScalars = new ArrayList<>(p + 1);
        aCmBases.add(g1);
        aCmScalars.add(wo);
        List<G1Element> aA = new ArrayList<>(p);
        List<G1Element> aB = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            BigInteger wkj = Scalars.random(rng);
            BigInteger wmj = Scalars.random(rng);
            wk.add(wkj);
            wm.add(wmj);
            aCmBases.add(params.h(j));
            aCmScalars.add(wmj);
            aA.add(g1.mul(wkj));
            aB.add(G1Element.multiScalarMul(List.of(gamma, h), List.of(wkj, wmj)));
        }
        G1Element aCm = G1Element.multiScalarMul(aCmBases, aCmScalars);

        BigInteger c = piSChallenge(gamma, cm, h, cs, attributes.publicAttributes(), aCm, aA, aB);
        BigInteger ro = Scalars.sub(wo, Scalars.mul(c, o));
        List<BigInteger> rk = new ArrayList<>(p);
        List<BigInteger> rm = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            rk.add(Scalars.sub(wk.get(j), Scalars.mul(c, ks.get(j))));
            rm.add(Scalars.sub(wm.get(j), Scalars.mul(c, m.get(j))));
        }
        return new BlindSignRequest(cm, cs, new BlindSignProof(c, ro, rk, rm));
    }

    private static BigInteger piSChallenge(
            G1Element gamma,
            G1Element cm,
            G1Element h,
            List<Ciphertext> cs,
            List<BigInteger> publicAttributes,
            G1Element aCm,
            List<G1Element> aA,
            List<G1Element> aB) {
        Transcript t = new Transcript(PI_S_LABEL).g1(gamma).g1(cm).g1(h).integer(cs.size());
        for (Ciphertext c : cs) {
            t.g1(c.a()).g1(c.b());
        }
        return t.scalars(publicAttributes).g1(aCm).g1(aA).g1(aB).challenge();
    }

    /**
     * Verifies π_s of Λ for the public attributes: recomputes the witness commitments
     * cm'^c g1^{r_o} ∏ h_j^{r_{m_j}} (cm' = cm with the public attributes divided out), a_j^c g1^{r_{k_j}} and
     * b_j^c γ^{r_{k_j}} h^{r_{m_j}}, and checks the challenge.
     *
     * @throws CoconutException {@link Kind#INVALID_PROOF} when π_s does not verify
     */
    public static void verifyBlindSignRequest(
            Parameters params, ElGamalPublicKey gammaKey, BlindSignRequest request, List<BigInteger> publicAttributes)
            throws CoconutException {
        G1Element h = hashCommitment(request.commitment());
        verifyPiS(params, gammaKey.gamma(), request, Attributes.checkPublic(publicAttributes), h);
    }

    private static void verifyPiS(
            Parameters params,
            G1Element gamma,
            BlindSignRequest request,
            List<BigInteger> publicAttributes,
            G1Element h)
            throws CoconutException {
        int p = request.privateCount();
        int k = publicAttributes.size();
        params.checkAttributeCount(p, k);
        BlindSignProof pi = request.proof();
        BigInteger c = pi.challenge();
        G1Element g1 = params.g1();

        G1Element cmPrivate = request.commitment();
        if (k > 0) {
            List<G1Element> pubBases = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                pubBases.add(params.h(p + i));
            }
            cmPrivate = cmPrivate.add(
                    G1Element.multiScalarMul(pubBases, publicAttributes).neg());
        }
        List<G1Element> bases = new ArrayList<>(p + 2);
        List<BigInteger> scalars = new ArrayList<>(p + 2);
        bases.add(cmPrivate);
        scalars.add(c);
        bases.add(g1);
        scalars.add(pi.responseO());
        for (int j = 0; j < p; j++) {
            bases.add(params.h(j));
            scalars.add(pi.responsesM().get(j));
        }
        G1Element aCm = G1Element.multiScalarMul(bases, scalars);
        List<G1Element> aA = new ArrayList<>(p);
        List<G1Element> aB = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            Ciphertext cj = request.ciphertexts().get(j);
            BigInteger rk = pi.responsesK().get(j);
            aA.add(G1Element.multiScalarMul(List.of(cj.a(), g1), List.of(c, rk)));
            aB.add(G1Element.multiScalarMul(
                    List.of(cj.b(), gamma, h), List.of(c, rk, pi.responsesM().get(j))));
        }
        BigInteger expected =
                piSChallenge(gamma, request.commitment(), h, request.ciphertexts(), publicAttributes, aCm, aA, aB);
        if (!expected.equals(c)) {
            throw new CoconutException(Kind.INVALID_PROOF, "π_s does not verify");
        }
    }

    /**
     * BlindSign(sk, γ, Λ, m_public) → σ̃. Verifies π_s, recomputes h = H(cm), and returns
     * (h, ∏ a_j^{y_j}, h^{x + Σ_public y_j m_j} ∏ b_j^{y_j}).
     *
     * @throws CoconutException {@link Kind#INVALID_PROOF} for a bad π_s, {@link Kind#INVALID_ARGUMENT} when the
     *     attributes do not fit the key
     */
    public static BlindedSignature blindSign(
            Parameters params,
            SecretKey sk,
            ElGamalPublicKey gammaKey,
            BlindSignRequest request,
            List<BigInteger> publicAttributes)
            throws CoconutException {
        List<BigInteger> pub = Attributes.checkPublic(publicAttributes);
        int p = request.privateCount();
        if (p + pub.size() > sk.size()) {
            throw new CoconutException(Kind.INVALID_ARGUMENT, "more attributes than the key signs");
        }
        G1Element h = hashCommitment(request.commitment());
        verifyPiS(params, gammaKey.gamma(), request, pub, h);

        List<G1Element> aBases = new ArrayList<>(p);
        List<G1Element> bBases = new ArrayList<>(p + 1);
        List<BigInteger> ys = new ArrayList<>(p + 1);
        BigInteger exponent = sk.x();
        for (int i = 0; i < pub.size(); i++) {
            exponent = exponent.add(sk.y(p + i).multiply(pub.get(i)));
        }
        bBases.add(h);
        List<BigInteger> bScalars = new ArrayList<>(p + 1);
        bScalars.add(exponent.mod(Scalars.R));
        for (int j = 0; j < p; j++) {
            Ciphertext cj = request.ciphertexts().get(j);
            aBases.add(cj.a());
            bBases.add(cj.b());
            ys.add(sk.y(j));
            bScalars.add(sk.y(j));
        }
        return new BlindedSignature(
                h, G1Element.multiScalarMul(aBases, ys), G1Element.multiScalarMul(bBases, bScalars));
    }

    /** Unblind(σ̃, d) → σ = (h, b̃ · ã^{-d}). The result should be checked with the issuer's vk_i before use. */
    public static Signature unblind(BlindedSignature blinded, ElGamalKeyPair elGamal) {
        SecretScalar d = elGamal.secretKey();
        G1Element s = blinded.bTilde().add(blinded.aTilde().mul(Scalars.neg(d.value())));
        return new Signature(blinded.h(), s);
    }

    /**
     * Plain Sign(sk, m) over public attributes: h = H(m) (hash to G1 of the encoded attributes) and
     * σ = (h, h^{x + Σ y_j m_j}).
     */
    public static Signature sign(Parameters params, SecretKey sk, List<BigInteger> attributes) throws CoconutException {
        List<BigInteger> m = Attributes.checkPublic(attributes);
        params.checkAttributeCount(0, m.size());
        if (m.size() > sk.size()) {
            throw new CoconutException(Kind.INVALID_ARGUMENT, "more attributes than the key signs");
        }
        G1Element h = hashMessages(m);
        BigInteger exponent = sk.x();
        for (int j = 0; j < m.size(); j++) {
            exponent = exponent.add(sk.y(j).multiply(m.get(j)));
        }
        return new Signature(h, h.mul(exponent.mod(Scalars.R)));
    }

    /** H(m) for plain signatures: hash to G1 of 'm' ‖ count ‖ 32-byte m_j under {@link Setup#HASH_DST}. */
    public static G1Element hashMessages(List<BigInteger> m) {
        byte[] msg = new byte[2 + Scalars.BYTES * m.size()];
        msg[0] = SIGN_PREFIX[0];
        msg[1] = (byte) m.size();
        for (int j = 0; j < m.size(); j++) {
            System.arraycopy(Scalars.toBytes(m.get(j)), 0, msg, 2 + Scalars.BYTES * j, Scalars.BYTES);
        }
        return G1Element.hashToCurve(msg, Setup.HASH_DST);
    }
}
