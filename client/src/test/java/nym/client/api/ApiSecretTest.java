package nym.client.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import nym.client.ClientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiSecretTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void writeTo_newSecret_fileOfMode0600HoldingThirtyTwoBytesOfBase64url(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("api.secret");
        ApiSecret.generate(random).writeTo(file);
        assertEquals(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        String text = Files.readString(file).strip();
        assertEquals(ApiSecret.BYTES, Base64.getUrlDecoder().decode(text).length);
        assertFalse(text.contains("="), "unpadded");
    }

    @Test
    void read_writtenSecret_presentsTheSameAuthorization(@TempDir Path dir) {
        Path file = dir.resolve("api.secret");
        ApiSecret written = ApiSecret.generate(random);
        written.writeTo(file);
        ApiSecret read = ApiSecret.read(file);
        assertTrue(written.isPresentedBy(read.authorization()));
    }

    @Test
    void writeTo_nextRun_replacesTheSecretStill0600(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("api.secret");
        ApiSecret first = ApiSecret.generate(random);
        first.writeTo(file);
        ApiSecret second = ApiSecret.generate(random);
        second.writeTo(file);
        assertNotEquals(first.authorization(), second.authorization());
        assertFalse(first.isPresentedBy(ApiSecret.read(file).authorization()), "the old run's secret is gone");
        assertEquals(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
    }

    @Test
    void read_noFile_apiErrorSayingNoClientRuns(@TempDir Path dir) {
        ClientException e = assertThrows(ClientException.class, () -> ApiSecret.read(dir.resolve("api.secret")));
        assertEquals(ClientException.Kind.API, e.kind());
        assertTrue(e.getMessage().contains("nymclient run"), e.getMessage());
    }

    @Test
    void toString_neverShowsTheSecret() {
        ApiSecret secret = ApiSecret.generate(random);
        String shown = secret.toString();
        assertFalse(shown.contains(secret.authorization().substring("Bearer ".length())), shown);
    }
}
