package nym.directory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import nym.directory.api.AuthorityAnnouncement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfAnnouncementTest {

    private static final String KEY = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    private static final String DKG = "a1".repeat(48);
    private static final String ISSUER = "0x" + "1".repeat(40);
    private static final String WATCHER = "0x" + "2".repeat(40);
    private static final String VERIFIER = "0x" + "3".repeat(40);

    @TempDir
    Path folder;

    @Test
    void make_authorityToml_announcesItsKeysAndThisInstancesEndpoints() throws IOException {
        write(2, KEY);

        AuthorityAnnouncement a = SelfAnnouncement.make(
                folder, 2, KEY, "http://host-2:28180/", Optional.of("http://v2:26657, http://v1:26657"), 42);

        assertEquals(
                new AuthorityAnnouncement(
                        2,
                        KEY,
                        "http://v2:26657",
                        "http://host-2:28180/issuer/api",
                        ISSUER,
                        WATCHER,
                        VERIFIER,
                        DKG,
                        42),
                a);
    }

    @Test
    void make_treeWithoutDirectoryOrDkgKeyYet_announcesWithoutDkgKey() throws IOException {
        Files.writeString(
                folder.resolve(SelfAnnouncement.AUTHORITY_FILE),
                "index = 1\nissuer_address = \"" + ISSUER + "\"\nwatcher_address = \"" + WATCHER
                        + "\"\nverifier_address = \"" + VERIFIER + "\"\n",
                StandardCharsets.UTF_8);

        AuthorityAnnouncement a = SelfAnnouncement.make(folder, 1, KEY, "http://h:1", Optional.empty(), 42);

        assertNull(a.dkgKey());
        assertEquals(SelfAnnouncement.DEFAULT_LEDGER_RPC, a.ledgerRpc());
    }

    @Test
    void make_fileOfAnotherAuthority_refused() throws IOException {
        write(3, KEY);

        IOException e = assertThrows(
                IOException.class, () -> SelfAnnouncement.make(folder, 2, KEY, "http://h:1", Optional.empty(), 42));
        assertTrue(e.getMessage().contains("index is 3"), e.getMessage());
    }

    @Test
    void make_directoryKeyOtherThanTheSigningKey_refused() throws IOException {
        write(2, "22qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");

        IOException e = assertThrows(
                IOException.class, () -> SelfAnnouncement.make(folder, 2, KEY, "http://h:1", Optional.empty(), 42));
        assertTrue(e.getMessage().contains("directory_key"), e.getMessage());
    }

    @Test
    void make_missingAddressOrFile_refusedNamingIt() throws IOException {
        assertThrows(
                IOException.class, () -> SelfAnnouncement.make(folder, 1, KEY, "http://h:1", Optional.empty(), 42));
        Files.writeString(folder.resolve(SelfAnnouncement.AUTHORITY_FILE), "index = 1\n", StandardCharsets.UTF_8);

        IOException e = assertThrows(
                IOException.class, () -> SelfAnnouncement.make(folder, 1, KEY, "http://h:1", Optional.empty(), 42));
        assertTrue(e.getMessage().contains("issuer_address is missing"), e.getMessage());
    }

    private void write(int index, String directoryKey) throws IOException {
        Files.writeString(
                folder.resolve(SelfAnnouncement.AUTHORITY_FILE),
                "# authority " + index + "\n"
                        + "index = " + index + "\n"
                        + "issuer_address = \"" + ISSUER + "\"\n"
                        + "watcher_address = \"" + WATCHER + "\"\n"
                        + "verifier_address = \"" + VERIFIER + "\"\n"
                        + "directory_key = \"" + directoryKey + "\"\n"
                        + "dkg_key = \"" + DKG + "\"\n",
                StandardCharsets.UTF_8);
    }
}
