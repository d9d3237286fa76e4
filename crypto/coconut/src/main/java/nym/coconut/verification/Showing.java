package nym.coconut.verification;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import nym.coconut.Attributes;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.RandomSource;
import nym.coconut.issuance.Signature;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.math.FixedBase;
import nym.coconut.math.G1Element;
import nym.coconut.math.G2Element;
import nym.coconut.math.Pairings;
import nym.coconut.math.Scalars;
import nym.coconut.math.Transcript;
import nym.coconut.setup.Parameters;

/**
 * Showing a credential: Randomize, ProveCredential → Θ (with ζ), VerifyCredential. The proof π_v is bound to the
 * verifier's identity and a fresh verifier-chosen nonce, so a Θ shown to one verifier is useless to any other and
 * cannot be replayed to the same one.
 */
public final class Showing {
    static final String PI_V_LABEL = "NYM-COCONUT-V01/pi_v";
    /** Length bounds of the verifier identity the proof is bound to. */
    public static final int MIN_BINDING = 1;

    public static final int MAX_BINDING = 255;
    /** Length bounds of the verifier's nonce (at least 128 bits). */
    public static final int MIN_NONCE = 16;

    public static final int MAX_NONCE = 255;

    private Showing() {}

    /** Randomize(σ): σ' = (h^{r'}, s^{r'}) for a random r' ≠ 0, unlinkable to σ. */
    public static Signature randomize(Signature sigma, RandomSource rng) {
        BigInteger r = Scalars.randomNonZero(rng);
        return new Signature(sigma.h().mul(r), sigma.s().mul(r));
    }

    /**
     * ProveCredential(vk, σ, m, verifier, nonce) → Θ. Randomizes σ to (h', s'), picks r, and computes
     * κ = α g2^r ∏_{j&lt;p} β_j^{m_j}, ν = h'^r, ζ = g1^{m_0} (m_0 the serial) and π_v over all of them, the public
     * attributes, the verifier identity and the nonce.
     */
    public static Theta proveCredential(
            Parameters params,
            VerificationKey vk,
            Signature sigma,
            Attributes attributes,
            byte[] verifier,
            byte[] nonce,
            RandomSource rng)
            throws CoconutException {
        int p = attributes.privateCount();
        int k = attributes.publicCount();
        checkShape(params, vk, p, k, verifier, nonce);
        G1Element g1 = params.g1();
        G2Element g2 = params.g2();
        List<BigInteger> m = attributes.allValues();

        Signature randomized = randomize(sigma, rng);
        G1Element hPrime = randomized.h();
        BigInteger r = Scalars.randomNonZero(rng);
        List<G2Element> kBases = new ArrayList<>(p + 1);
        List<BigInteger> kScalars = new ArrayList<>(p + 1);
        kBases.add(g2);
        kScalars.add(r);
        for (int j = 0; j < p; j++) {
            kBases.add(vk.beta(j));
            kScalars.add(m.get(j));
        }
        G2Element kappa = vk.alpha().add(G2Element.multiScalarMul(kBases, kScalars));
        G1Element nu = hPrime.mul(r);
        G1Element zeta = g1.mul(m.get(0));

        BigInteger wr = Scalars.random(rng);
        List<BigInteger> wm = new ArrayList<>(p);
        List<BigInteger> aScalars = new ArrayList<>(p + 1);
        aScalars.add(wr);
        for (int j = 0; j < p; j++) {
            BigInteger w = Scalars.random(rng);
            wm.add(w);
            aScalars.add(w);
        }
        G2Element aKappa = G2Element.multiScalarMul(kBases, aScalars);
        G1Element aNu = hPrime.mul(wr);
        G1Element aZeta = g1.mul(wm.get(0));

        BigInteger c = challenge(
                vk,
                p + k,
                hPrime,
                randomized.s(),
                kappa,
                nu,
                zeta,
                attributes.publicAttributes(),
                verifier,
                nonce,
                aKappa,
                aNu,
                aZeta);
        BigInteger rr = Scalars.sub(wr, Scalars.mul(c, r));
        List<BigInteger> rm = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            rm.add(Scalars.sub(wm.get(j), Scalars.mul(c, m.get(j))));
        }
        return new Theta(hPrime, randomized.s(), kappa, nu, zeta, new ShowProof(c, rr, rm));
    }

    /**
     * VerifyCredential(vk, Θ, m_public, verifier, nonce). Recomputes the witness commitments
     * (κ α^-1)^c g2^{r_r} ∏ β_j^{r_{m_j}}, ν^c h'^{r_r} and ζ^c g1^{r_{m_0}}, checks the challenge, then checks
     * h' ≠ 1 and e(h', κ ∏_{public} β_j^{m_j}) = e(s' ν, g2) as one two-pair multi-pairing. g2^{r_r} and g1^{r_{m_0}}
     * come from JVM-wide fixed-base tables of the generators (built on the first verification, ~0.1 s, ~3 MB).
     *
     * @throws CoconutException {@link Kind#INVALID_PROOF} if π_v fails (wrong verifier, nonce, ζ, tampered Θ),
     *     {@link Kind#INVALID_SIGNATURE} if the pairing equation fails (wrong key, wrong public attribute),
     *     {@link Kind#IDENTITY_POINT} or {@link Kind#INVALID_ARGUMENT} for a malformed Θ or shape
     */
    public static void verifyCredential(
            Parameters params,
            VerificationKey vk,
            Theta theta,
            List<BigInteger> publicAttributes,
            byte[] verifier,
            byte[] nonce)
            throws CoconutException {
        verify(params, vk, null, theta, publicAttributes, verifier, nonce);
    }

    /**
     * VerifyCredential with a {@link PreparedVerificationKey}: the same checks, with β_j^{r_{m_j}} also taken from
     * fixed-base tables (these exponents are public, so variable time is fine).
     *
     * @throws CoconutException as {@link #verifyCredential(Parameters, VerificationKey, Theta, List, byte[], byte[])}
     */
    public static void verifyCredential(
            Parameters params,
            PreparedVerificationKey prepared,
            Theta theta,
            List<BigInteger> publicAttributes,
            byte[] verifier,
            byte[] nonce)
            throws CoconutException {
        verify(params, prepared.key(), prepared, theta, publicAttributes, verifier, nonce);
    }

    private static void verify(
            Parameters params,
            VerificationKey vk,
            PreparedVerificationKey prepared,
            Theta theta,
            List<BigInteger> publicAttributes,
            byte[] verifier,
            byte[] nonce)
            throws CoconutException {
        List<BigInteger> pub = Attributes.checkPublic(publicAttributes);
        int p = theta.privateCount();
        int k = pub.size();
        checkShape(params, vk, p, k, verifier, nonce);
        if (theta.hPrime().isIdentity()
                || theta.sPrime().isIdentity()
                || theta.kappa().isIdentity()
                || theta.nu().isIdentity()
                || theta.zeta().isIdentity()) {
            throw new CoconutException(Kind.IDENTITY_POINT, "Θ contains the identity");
        }
        ShowProof pi = theta.proof();
        BigInteger c = pi.challenge();

        // Witness commitments. The exponents here are public (challenge and responses), so the fixed-base tables of
        // g1 and g2 (and of β_j when prepared), which are variable-time, may be used.
        G2Element aKappa =
                theta.kappa().add(vk.alpha().neg()).mul(c).add(FixedBase.g2().mul(pi.responseR()));
        for (int j = 0; j < p; j++) {
            FixedBase.G2Table table = prepared == null ? null : prepared.betaTable(j);
            BigInteger rm = pi.responsesM().get(j);
            aKappa = aKappa.add(table != null ? table.mul(rm) : vk.beta(j).mul(rm));
        }
        G1Element aZeta =
                theta.zeta().mul(c).add(FixedBase.g1().mul(pi.responsesM().get(0)));
        G1Element aNu = G1Element.multiScalarMul(List.of(theta.nu(), theta.hPrime()), List.of(c, pi.responseR()));
        BigInteger expected = challenge(
                vk,
                p + k,
                theta.hPrime(),
                theta.sPrime(),
                theta.kappa(),
                theta.nu(),
                theta.zeta(),
                pub,
                verifier,
                nonce,
                aKappa,
                aNu,
                aZeta);
        if (!expected.equals(c)) {
            throw new CoconutException(Kind.INVALID_PROOF, "π_v does not verify");
        }

        G2Element kappaAll = theta.kappa();
        if (k > 0) {
            List<G2Element> pubBases = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                pubBases.add(vk.beta(p + i));
            }
            kappaAll = kappaAll.add(G2Element.multiScalarMul(pubBases, pub));
        }
        G1Element sNu = theta.sPrime().add(theta.nu()).neg();
        if (!Pairings.productIsOne(new G1Element[] {theta.hPrime(), sNu}, new G2Element[] {kappaAll, params.g2()})) {
            throw new CoconutException(Kind.INVALID_SIGNATURE, "e(h', κ ∏ β_j^{m_j}) ≠ e(s'ν, g2)");
        }
    }

    private static void checkShape(Parameters params, VerificationKey vk, int p, int k, byte[] verifier, byte[] nonce)
            throws CoconutException {
        params.checkAttributeCount(p, k);
        if (p < 1) {
            throw new CoconutException(Kind.INVALID_ARGUMENT, "showing needs a private serial attribute");
        }
        if (p + k > vk.size()) {
            throw new CoconutException(Kind.INVALID_ARGUMENT, "more attributes than the verification key covers");
        }
        if (verifier == null || verifier.length < MIN_BINDING || verifier.length > MAX_BINDING) {
            throw new CoconutException(
                    Kind.INVALID_ARGUMENT, "verifier identity must be " + MIN_BINDING + ".." + MAX_BINDING + " bytes");
        }
        if (nonce == null || nonce.length < MIN_NONCE || nonce.length > MAX_NONCE) {
            throw new CoconutException(
                    Kind.INVALID_ARGUMENT, "nonce must be " + MIN_NONCE + ".." + MAX_NONCE + " bytes");
        }
    }

    private static BigInteger challenge(
            VerificationKey vk,
            int attributeCount,
            G1Element hPrime,
            G1Element sPrime,
            G2Element kappa,
            G1Element nu,
            G1Element zeta,
            List<BigInteger> publicAttributes,
            byte[] verifier,
            byte[] nonce,
            G2Element aKappa,
            G1Element aNu,
            G1Element aZeta) {
        return new Transcript(PI_V_LABEL)
                .g2(vk.alpha())
                .g2(vk.betas().subList(0, attributeCount))
                .g1(hPrime)
                .g1(sPrime)
                .g2(kappa)
                .g1(nu)
                .g1(zeta)
                .scalars(publicAttributes)
                .bytes(verifier)
                .bytes(nonce)
                .g2(aKappa)
                .g1(aNu)
                .g1(aZeta)
                .challenge();
    }
}
