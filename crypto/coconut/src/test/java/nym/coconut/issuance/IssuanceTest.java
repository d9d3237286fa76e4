package nym.coconut.issuance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import nym.coconut.Attributes;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.RandomSource;
import nym.coconut.SecretScalar;
import nym.coconut.Token;
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.KeyPair;
import nym.coconut.math.G1Element;
import nym.coconut.math.Scalars;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;
import nym.coconut.verification.SignatureVerification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IssuanceTest {
    private static final RandomSource RNG = RandomSource.deterministic(7);
    private static Parameters params;
    private static KeyPair keys;
    private static ElGamalKeyPair elGamal;
    private static Attributes token;
    private static BlindSignRequest request;

    @BeforeAll
    static void setUp() throws CoconutException {
        params = Setup.setup(8);
        keys = KeyGen.keygen(params, RNG);
        elGamal = ElGamalKeyPair.generate(params, RNG);
        token = Token.newToken(100, RNG);
        request = Issuance.prepareBlindSign(params, elGamal.publicKey(), token, RNG);
    }

    private static void assertRejected(BlindSignRequest tampered, Kind kind) {
        CoconutException e = assertThrows(
                CoconutException.class,
                () -> Issuance.blindSign(
                        params, keys.secretKey(), elGamal.publicKey(), tampered, token.publicAttributes()));
        assertEquals(kind, e.kind());
    }

    private static BlindSignRequest withProof(UnaryOperator<BlindSignProof> f) {
        return new BlindSignRequest(request.commitment(), request.ciphertexts(), f.apply(request.proof()));
    }

    private static List<BigInteger> bump(List<BigInteger> xs, int i) {
        List<BigInteger> out = new ArrayList<>(xs);
        out.set(i, Scalars.add(out.get(i), BigInteger.ONE));
        return out;
    }

    @Test
    void blindSign_validRequest_unblindsToSignatureOnAllAttributes() throws CoconutException {
        BlindedSignature blinded =
                Issuance.blindSign(params, keys.secretKey(), elGamal.publicKey(), request, token.publicAttributes());
        assertEquals(Issuance.hashCommitment(request.commitment()), blinded.h());
        Signature sigma = Issuance.unblind(blinded, elGamal);
        SignatureVerification.verifyShare(params, keys.verificationKey(), token, sigma);
    }

    @Test
    void blindSign_tamperedChallenge_isInvalidProof() {
        assertRejected(
                withProof(p -> new BlindSignProof(
                        Scalars.add(p.challenge(), BigInteger.ONE), p.responseO(), p.responsesK(), p.responsesM())),
                Kind.INVALID_PROOF);
    }

    @Test
    void blindSign_tamperedResponses_areInvalidProof() {
        assertRejected(
                withProof(p -> new BlindSignProof(
                        p.challenge(), Scalars.add(p.responseO(), BigInteger.ONE), p.responsesK(), p.responsesM())),
                Kind.INVALID_PROOF);
        for (int j = 0; j < 2; j++) {
            int jj = j;
            assertRejected(
                    withProof(p ->
                            new BlindSignProof(p.challenge(), p.responseO(), bump(p.responsesK(), jj), p.responsesM())),
                    Kind.INVALID_PROOF);
            assertRejected(
                    withProof(p ->
                            new BlindSignProof(p.challenge(), p.responseO(), p.responsesK(), bump(p.responsesM(), jj))),
                    Kind.INVALID_PROOF);
        }
    }

    @Test
    void blindSign_tamperedCommitmentOrCiphertext_isInvalidProof() {
        G1Element other = G1Element.GENERATOR.mul(BigInteger.valueOf(12345));
        assertRejected(
                new BlindSignRequest(request.commitment().add(other), request.ciphertexts(), request.proof()),
                Kind.INVALID_PROOF);
        List<Ciphertext> cs = new ArrayList<>(request.ciphertexts());
        cs.set(0, new Ciphertext(cs.get(0).a(), cs.get(0).b().add(other)));
        assertRejected(new BlindSignRequest(request.commitment(), cs, request.proof()), Kind.INVALID_PROOF);
        List<Ciphertext> cs2 = new ArrayList<>(request.ciphertexts());
        cs2.set(1, new Ciphertext(cs2.get(1).a().add(other), cs2.get(1).b()));
        assertRejected(new BlindSignRequest(request.commitment(), cs2, request.proof()), Kind.INVALID_PROOF);
        List<Ciphertext> swapped =
                List.of(request.ciphertexts().get(1), request.ciphertexts().get(0));
        assertRejected(new BlindSignRequest(request.commitment(), swapped, request.proof()), Kind.INVALID_PROOF);
    }

    @Test
    void blindSign_wrongPublicAttribute_isInvalidProof() {
        CoconutException e = assertThrows(
                CoconutException.class,
                () -> Issuance.blindSign(
                        params, keys.secretKey(), elGamal.publicKey(), request, Token.publicAttributes(50)));
        assertEquals(Kind.INVALID_PROOF, e.kind());
    }

    @Test
    void blindSign_wrongElGamalKey_isInvalidProof() {
        ElGamalKeyPair other = ElGamalKeyPair.generate(params, RNG);
        CoconutException e = assertThrows(
                CoconutException.class,
                () -> Issuance.blindSign(
                        params, keys.secretKey(), other.publicKey(), request, token.publicAttributes()));
        assertEquals(Kind.INVALID_PROOF, e.kind());
    }

    @Test
    void unblind_wrongElGamalKey_doesNotVerify() throws CoconutException {
        BlindedSignature blinded =
                Issuance.blindSign(params, keys.secretKey(), elGamal.publicKey(), request, token.publicAttributes());
        Signature wrong = Issuance.unblind(blinded, ElGamalKeyPair.generate(params, RNG));
        CoconutException e = assertThrows(
                CoconutException.class,
                () -> SignatureVerification.verifyShare(params, keys.verificationKey(), token, wrong));
        assertEquals(Kind.INVALID_SIGNATURE, e.kind());
    }

    @Test
    void prepareBlindSign_noPrivateOrTooManyAttributes_isInvalidArgument() throws CoconutException {
        Attributes none = Attributes.of(List.of(), List.of(BigInteger.ONE));
        assertEquals(
                Kind.INVALID_ARGUMENT,
                assertThrows(
                                CoconutException.class,
                                () -> Issuance.prepareBlindSign(params, elGamal.publicKey(), none, RNG))
                        .kind());
        List<SecretScalar> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(SecretScalar.random(RNG));
        }
        Attributes tooMany = Attributes.of(nine, List.of());
        assertEquals(
                Kind.INVALID_ARGUMENT,
                assertThrows(
                                CoconutException.class,
                                () -> Issuance.prepareBlindSign(params, elGamal.publicKey(), tooMany, RNG))
                        .kind());
    }

    @Test
    void blindSign_qEightAttributes_issuesVerifiableSignature() throws CoconutException {
        List<SecretScalar> priv = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            priv.add(SecretScalar.random(RNG));
        }
        Attributes eight = Attributes.of(
                priv, List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.TEN, Scalars.R.subtract(BigInteger.ONE)));
        BlindSignRequest req = Issuance.prepareBlindSign(params, elGamal.publicKey(), eight, RNG);
        Signature sigma = Issuance.unblind(
                Issuance.blindSign(params, keys.secretKey(), elGamal.publicKey(), req, eight.publicAttributes()),
                elGamal);
        SignatureVerification.verifyShare(params, keys.verificationKey(), eight, sigma);
    }

    @Test
    void sign_plainPublicAttributes_verifiesAndRejectsOtherMessageOrKey() throws CoconutException {
        List<BigInteger> m = List.of(BigInteger.valueOf(7), BigInteger.valueOf(8), BigInteger.ZERO);
        Signature sigma = Issuance.sign(params, keys.secretKey(), m);
        SignatureVerification.verify(params, keys.verificationKey(), m, sigma);
        assertEquals(
                Kind.INVALID_SIGNATURE,
                assertThrows(
                                CoconutException.class,
                                () -> SignatureVerification.verify(
                                        params,
                                        keys.verificationKey(),
                                        List.of(BigInteger.valueOf(7), BigInteger.valueOf(9), BigInteger.ZERO),
                                        sigma))
                        .kind());
        KeyPair other = KeyGen.keygen(params, RNG);
        assertEquals(
                Kind.INVALID_SIGNATURE,
                assertThrows(
                                CoconutException.class,
                                () -> SignatureVerification.verify(params, other.verificationKey(), m, sigma))
                        .kind());
        assertEquals(
                Kind.INVALID_ARGUMENT,
                assertThrows(
                                CoconutException.class,
                                () -> SignatureVerification.verify(
                                        params, keys.verificationKey(), List.of(Scalars.R), sigma))
                        .kind());
    }

    @Test
    void token_valueOutsideSet_isInvalidArgument() {
        for (int v : new int[] {0, 3, 99, 101, -1}) {
            assertEquals(
                    Kind.INVALID_ARGUMENT,
                    assertThrows(CoconutException.class, () -> Token.publicAttributes(v))
                            .kind());
        }
    }
}
