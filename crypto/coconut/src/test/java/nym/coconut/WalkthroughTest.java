package nym.coconut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.ThresholdKeys;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.math.G1Element;
import nym.coconut.setup.Parameters;
import nym.coconut.setup.Setup;
import nym.coconut.verification.Showing;
import nym.coconut.verification.SignatureVerification;
import nym.coconut.verification.Theta;
import org.junit.jupiter.api.Test;

/** Runs the walkthrough of package-info.java step by step; if this changes, change the walkthrough too. */
class WalkthroughTest {

    @Test
    void walkthrough_asDocumented_verifiesAndRevealsSerialTag() throws CoconutException {
        RandomSource rng = RandomSource.secure();

        // 1.
        Parameters params = Setup.setup(8);
        // 2.
        ThresholdKeys keys = KeyGen.ttpKeyGen(params, 2, 3, rng);
        // 3.
        Attributes token = Token.newToken(10, rng);
        ElGamalKeyPair elGamal = ElGamalKeyPair.generate(params, rng);
        // 4.
        BlindSignRequest lambda = Issuance.prepareBlindSign(params, elGamal.publicKey(), token, rng);
        // 5. and 6.
        List<PartialSignature> shares = new ArrayList<>();
        for (int i : List.of(1, 3)) {
            IssuerKey issuer = keys.issuer(i);
            BlindedSignature blinded = Issuance.blindSign(
                    params, issuer.secretKey(), elGamal.publicKey(), lambda, Token.publicAttributes(10));
            Signature sigmaI = Issuance.unblind(blinded, elGamal);
            SignatureVerification.verifyShare(params, issuer.verificationKey(), token, sigmaI);
            shares.add(new PartialSignature(i, sigmaI));
        }
        // 7.
        Signature sigma = Aggregation.aggregateSignatures(shares);
        VerificationKey vk = Aggregation.aggregateVerificationKeys(
                List.of(keys.issuer(1).verificationKeyShare(), keys.issuer(2).verificationKeyShare()));
        SignatureVerification.verifyShare(params, vk, token, sigma);
        // 8.
        byte[] provider = "provider-1".getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[32];
        Theta theta = Showing.proveCredential(params, vk, sigma, token, provider, nonce, rng);
        String wire = theta.toText();
        // 9.
        Theta received = Theta.fromText(wire);
        Showing.verifyCredential(params, vk, received, Token.publicAttributes(10), provider, nonce);
        G1Element zeta = received.zeta();

        // What the walkthrough promises beyond "it verifies":
        assertEquals(keys.verificationKey(), vk, "any t keys aggregate to the group's key");
        assertEquals(params.g1().mul(token.privateAttributes().get(0).value()), zeta, "ζ = g1^serial");
        byte[] otherNonce = new byte[32];
        otherNonce[0] = 1;
        CoconutException replay = assertThrows(
                CoconutException.class,
                () -> Showing.verifyCredential(params, vk, received, Token.publicAttributes(10), provider, otherNonce));
        assertEquals(CoconutException.Kind.INVALID_PROOF, replay.kind());
    }

    /** Every code line of the package-info walkthrough appears, verbatim, in the test above. */
    @Test
    void walkthroughJavadoc_everyCodeLine_isRunByThisTest() throws IOException {
        String doc = Files.readString(Path.of("src/main/java/nym/coconut/package-info.java"));
        // Compared without whitespace: the build's formatter may wrap a statement differently from the Javadoc.
        String test = Files.readString(Path.of("src/test/java/nym/coconut/WalkthroughTest.java"))
                .replaceAll("\\s+", "");
        int start = doc.indexOf("<pre>{@code");
        int end = doc.indexOf("}</pre>");
        assertTrue(start > 0 && end > start, "walkthrough code block not found");
        int lines = 0;
        for (String raw : doc.substring(start + "<pre>{@code".length(), end).split("\n")) {
            String line = raw.replaceFirst("^\\s*\\*\\s?", "")
                    .replaceFirst("\\s{2,}nym\\.coconut(\\.\\w+)?\\s*$", "")
                    .replaceFirst("\\s*//.*$", "")
                    .trim();
            if (line.isEmpty()) {
                continue;
            }
            assertTrue(
                    test.contains(line.replaceAll("\\s+", "")),
                    "walkthrough line not exercised by WalkthroughTest: " + line);
            lines++;
        }
        assertTrue(lines >= 20, "only " + lines + " code lines found");
    }
}
