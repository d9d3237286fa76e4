package nym.directory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import nym.directory.api.AuthoritySet;
import nym.directory.api.Keys;
import nym.directory.api.testing.TestAuthorities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthorityKeysTest {

    @TempDir
    Path home;

    private final TestAuthorities authorities = TestAuthorities.threeOfWhichTwo();

    @BeforeEach
    void writeTree() throws IOException {
        Path set = home.resolve(AuthoritySet.TREE_FILE);
        Files.createDirectories(set.getParent());
        Files.writeString(set, authorities.set().toText(), StandardCharsets.UTF_8);
        for (int i = 1; i <= 3; i++) {
            writeKey(i, Keys.encode(authorities.authority(i).secretKey()));
        }
    }

    @Test
    void load_treeAndIndex_signsWithThatAuthoritysKey() {
        AuthorityKeys.Loaded loaded = AuthorityKeys.load(Optional.of(home), 2);

        assertFalse(loaded.failed());
        assertEquals(authorities.set(), loaded.set().orElseThrow());
        assertEquals(
                authorities.authority(2).publicKeyText(),
                loaded.signer().orElseThrow().publicKeyText());
        assertEquals(
                authorities.authority(2).publicKeyText(),
                loaded.proofs().orElseThrow().authorityKey());
        assertTrue(loaded.state().startsWith("signing as authority 2"), loaded.state());
        assertEquals(2, loaded.index());
    }

    @Test
    void load_state_neverShowsTheSecret() {
        AuthorityKeys.Loaded loaded = AuthorityKeys.load(Optional.of(home), 1);
        String secret = Keys.encode(authorities.authority(1).secretKey());

        assertFalse(loaded.state().contains(secret));
        assertFalse(loaded.toString().contains(secret));
    }

    @Test
    void load_noHome_notSigningNoSet() {
        AuthorityKeys.Loaded loaded = AuthorityKeys.load(Optional.empty(), 1);

        assertFalse(loaded.failed());
        assertTrue(loaded.set().isEmpty());
        assertTrue(loaded.signer().isEmpty());
        assertTrue(loaded.state().startsWith("not signing: no nym.network.home"), loaded.state());
        assertEquals(0, loaded.index());
    }

    @Test
    void load_noIndex_setKnownButNotSigning() {
        AuthorityKeys.Loaded loaded = AuthorityKeys.load(Optional.of(home), 0);

        assertFalse(loaded.failed());
        assertEquals(authorities.set(), loaded.set().orElseThrow());
        assertTrue(loaded.signer().isEmpty());
        assertTrue(loaded.state().contains("no nym.authority.index"), loaded.state());
    }

    @Test
    void load_keyFileOfAnotherAuthority_failed() throws IOException {
        writeKey(2, Keys.encode(authorities.authority(3).secretKey()));

        AuthorityKeys.Loaded loaded = AuthorityKeys.load(Optional.of(home), 2);

        assertTrue(loaded.failed());
        assertTrue(loaded.signer().isEmpty());
        assertTrue(loaded.state().contains("does not hold the key of authority.2"), loaded.state());
    }

    @Test
    void load_missingOrMalformedKeyFile_failed() throws IOException {
        Files.delete(AuthorityKeys.keyFile(home, 1));
        writeKey(2, "not a key");

        assertTrue(AuthorityKeys.load(Optional.of(home), 1).failed());
        assertTrue(AuthorityKeys.load(Optional.of(home), 2).failed());
    }

    @Test
    void load_indexOutsideTheSet_failed() {
        assertTrue(AuthorityKeys.load(Optional.of(home), 4).failed());
    }

    @Test
    void load_homeWithoutAuthoritySet_failed() throws IOException {
        Files.delete(home.resolve(AuthoritySet.TREE_FILE));

        AuthorityKeys.Loaded loaded = AuthorityKeys.load(Optional.of(home), 1);

        assertTrue(loaded.failed());
        assertTrue(loaded.set().isEmpty());
    }

    private void writeKey(int index, String text) throws IOException {
        Path file = AuthorityKeys.keyFile(home, index);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text + "\n", StandardCharsets.US_ASCII);
    }
}
