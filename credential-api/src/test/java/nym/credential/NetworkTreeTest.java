package nym.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import nym.coconut.RandomSource;
import nym.coconut.dkg.DkgKeyPair;
import nym.credential.PayloadException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkTreeTest {

    @TempDir
    Path home;

    private void write(String relative, String text) throws Exception {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text + "\n");
    }

    @Test
    void readers_filesOfTheContract_sameKeys() throws Exception {
        write("coconut/parameters", Fixtures.PARAMS.toText());
        write("authorities/authority-2/verifier.key", "ab".repeat(32));
        write("authorities/authority-2/issuer-account.key", "cd".repeat(32));
        DkgKeyPair dkg = DkgKeyPair.generate(RandomSource.deterministic(5));
        write("authorities/authority-2/dkg.key", dkg.secretText());
        NetworkTree tree = new NetworkTree(home);

        assertEquals(Fixtures.PARAMS, tree.parameters());
        assertEquals("ab".repeat(32), tree.verifierKeyHex(2));
        assertEquals("cd".repeat(32), tree.issuerAccountKey(2));
        assertEquals(dkg.publicKey(), tree.dkgKeyPair(2).publicKey());
    }

    @Test
    void readers_missingOrBadFiles_clearKinds() throws Exception {
        write("coconut/parameters", "coconut-params.v1.garbage");
        write("authorities/authority-1/verifier.key", "not hex");
        write("authorities/authority-1/issuer-account.key", "ab".repeat(31));
        write("authorities/authority-3/dkg.key", "00".repeat(32));
        NetworkTree tree = new NetworkTree(home);

        assertEquals(
                Kind.MISSING_FILE,
                assertThrows(PayloadException.class, () -> tree.verifierKeyHex(2))
                        .kind());
        assertEquals(
                Kind.INVALID_ELEMENT,
                assertThrows(PayloadException.class, tree::parameters).kind());
        assertEquals(
                Kind.MALFORMED,
                assertThrows(PayloadException.class, () -> tree.verifierKeyHex(1))
                        .kind());
        assertEquals(
                Kind.MALFORMED,
                assertThrows(PayloadException.class, () -> tree.issuerAccountKey(1))
                        .kind());
        assertEquals(
                Kind.MISSING_FILE,
                assertThrows(PayloadException.class, () -> tree.dkgKeyPair(1)).kind());
        assertEquals(
                Kind.INVALID_ELEMENT,
                assertThrows(PayloadException.class, () -> tree.dkgKeyPair(3)).kind(),
                "a zero DKG secret");
        assertThrows(IllegalArgumentException.class, () -> tree.authorityDirectory(0));
    }

    @Test
    void providerAddress_parseAndFormat_strict() throws Exception {
        String text = "0x" + "0a".repeat(20);

        assertEquals(text, ProviderAddress.format(ProviderAddress.parse(text)));
        for (String bad : new String[] {null, "0a".repeat(20), "0x" + "0a".repeat(19), "0x" + "zz".repeat(20)}) {
            assertEquals(
                    Kind.MALFORMED,
                    assertThrows(PayloadException.class, () -> ProviderAddress.parse(bad))
                            .kind());
        }
    }
}
