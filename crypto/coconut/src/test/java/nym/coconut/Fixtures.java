package nym.coconut;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import nym.coconut.aggregation.Aggregation;
import nym.coconut.issuance.BlindSignRequest;
import nym.coconut.issuance.BlindedSignature;
import nym.coconut.issuance.ElGamalKeyPair;
import nym.coconut.issuance.Issuance;
import nym.coconut.issuance.PartialSignature;
import nym.coconut.issuance.Signature;
import nym.coconut.keygen.IssuerKey;
import nym.coconut.keygen.ThresholdKeys;
import nym.coconut.setup.Parameters;

/** Shared helpers: issue partial signatures from chosen authorities. */
public final class Fixtures {
    private Fixtures() {}

    public static byte[] nonce(RandomSource rng) {
        byte[] n = new byte[32];
        rng.nextBytes(n);
        return n;
    }

    /** Runs PrepareBlindSign once and returns the unblinded shares of the given authorities (all of them verified). */
    public static List<PartialSignature> issueShares(
            Parameters params, ThresholdKeys keys, List<Integer> indices, Attributes attributes, RandomSource rng)
            throws CoconutException {
        ElGamalKeyPair elGamal = ElGamalKeyPair.generate(params, rng);
        BlindSignRequest request = Issuance.prepareBlindSign(params, elGamal.publicKey(), attributes, rng);
        List<PartialSignature> shares = new ArrayList<>();
        for (int i : indices) {
            IssuerKey issuer = keys.issuer(i);
            BlindedSignature blinded = Issuance.blindSign(
                    params, issuer.secretKey(), elGamal.publicKey(), request, attributes.publicAttributes());
            shares.add(new PartialSignature(i, Issuance.unblind(blinded, elGamal)));
        }
        return shares;
    }

    /** A full credential from authorities 1..t. */
    public static Signature issueCredential(
            Parameters params, ThresholdKeys keys, Attributes attributes, RandomSource rng) throws CoconutException {
        List<Integer> first = new ArrayList<>();
        for (int i = 1; i <= keys.threshold(); i++) {
            first.add(i);
        }
        return Aggregation.aggregateSignatures(issueShares(params, keys, first, attributes, rng));
    }

    public static List<BigInteger> value(int v) throws CoconutException {
        return Token.publicAttributes(v);
    }

    /**
     * One request, signed by authority 1 of {@code keys} and authority 2 of {@code other}: two shares on the same h,
     * the second from a foreign key set.
     */
    public static List<PartialSignature> issueSharesMixed(
            Parameters params, ThresholdKeys keys, ThresholdKeys other, Attributes attributes, RandomSource rng)
            throws CoconutException {
        ElGamalKeyPair elGamal = ElGamalKeyPair.generate(params, rng);
        BlindSignRequest request = Issuance.prepareBlindSign(params, elGamal.publicKey(), attributes, rng);
        BlindedSignature a = Issuance.blindSign(
                params, keys.issuer(1).secretKey(), elGamal.publicKey(), request, attributes.publicAttributes());
        BlindedSignature b = Issuance.blindSign(
                params, other.issuer(2).secretKey(), elGamal.publicKey(), request, attributes.publicAttributes());
        return List.of(
                new PartialSignature(1, Issuance.unblind(a, elGamal)),
                new PartialSignature(2, Issuance.unblind(b, elGamal)));
    }
}
