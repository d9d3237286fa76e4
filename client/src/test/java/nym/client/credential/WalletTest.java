package nym.client.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import nym.client.ClientException;
import nym.coconut.CoconutException;
import nym.coconut.SecretScalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletTest {

    @TempDir
    Path home;

    private static StoredCredential credential(String id, long seed) throws CoconutException {
        return StoredCredential.requested(
                id,
                10,
                SecretScalar.of(BigInteger.valueOf(seed)),
                SecretScalar.of(BigInteger.valueOf(seed + 1)),
                SecretScalar.of(BigInteger.valueOf(seed + 2)));
    }

    private Path file(StoredCredential c) {
        return home.resolve("credentials").resolve(c.requestId() + ".credential");
    }

    @Test
    void load_collectedCredential_keepsItsKeyEpochAcrossSaves() throws Exception {
        Wallet wallet = new Wallet(home);
        StoredCredential c = credential("AB".repeat(32), 77);
        wallet.save(c);
        Files.writeString(file(c), Files.readString(file(c)) + "\nkey_epoch = 3\nsignature = coconut-signature.v1.x");

        StoredCredential collected = wallet.load(c.requestId());
        wallet.save(collected.withSpend("cd".repeat(48), "http://p/provider/api/providers/1", "EF".repeat(32)));

        assertEquals(3, collected.keyEpoch());
        assertEquals(3, wallet.load(c.requestId()).keyEpoch());
        assertTrue(collected.toString().contains("key epoch 3"), collected.toString());
        assertEquals(0, c.keyEpoch(), "none before σ is collected");
    }

    @Test
    void load_walletFileFromBeforeKeyEpochs_refusedSayingWhy() throws Exception {
        Wallet wallet = new Wallet(home);
        StoredCredential c = credential("AB".repeat(32), 78);
        wallet.save(c);
        Files.writeString(file(c), Files.readString(file(c)) + "\nsignature = coconut-signature.v1.x");

        ClientException e = assertThrows(ClientException.class, () -> wallet.load(c.requestId()));

        assertEquals(ClientException.Kind.CREDENTIAL, e.kind());
        assertTrue(e.getMessage().contains("from before key epochs"), e.getMessage());
        assertTrue(e.getMessage().contains("request a new credential"), e.getMessage());
    }

    @Test
    void save_thenLoad_sameCredentialInAPrivateFile() throws Exception {
        Wallet wallet = new Wallet(home);
        StoredCredential c = credential("AB".repeat(32), 1234567);
        wallet.save(c);
        StoredCredential read = wallet.load(c.requestId());
        assertEquals(c.requestId(), read.requestId());
        assertEquals(c.value(), read.value());
        assertTrue(c.serial().constantTimeEquals(read.serial()));
        assertTrue(c.secret().constantTimeEquals(read.secret()));
        assertTrue(c.elGamal().constantTimeEquals(read.elGamal()));
        Path file = home.resolve("credentials").resolve(c.requestId() + ".credential");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void save_laterState_replacesAndLatestFindsIt() throws Exception {
        Wallet wallet = new Wallet(home);
        wallet.save(credential("01".repeat(32), 5));
        StoredCredential second = credential("02".repeat(32), 6);
        wallet.save(second);
        wallet.save(second.withSpend("cd".repeat(48), "http://p/provider/api/providers/1", "EF".repeat(32)));
        StoredCredential latest = wallet.latest();
        assertEquals(second.requestId(), latest.requestId());
        assertEquals("cd".repeat(48), latest.zeta());
        assertEquals("EF".repeat(32), latest.depositId());
    }

    @Test
    void toString_showsNoSecret() throws Exception {
        StoredCredential c = credential("AB".repeat(32), 987654321);
        String text = c.toString();
        assertFalse(text.contains(BigInteger.valueOf(987654321).toString(16)));
        assertFalse(text.contains("987654321"));
    }

    @Test
    void load_unknownOrBadId_refused() throws IOException {
        Wallet wallet = new Wallet(home);
        assertEquals(
                ClientException.Kind.CREDENTIAL,
                assertThrows(ClientException.class, () -> wallet.load("00".repeat(32)))
                        .kind());
        assertThrows(ClientException.class, () -> wallet.load("../../etc/passwd"));
        assertThrows(ClientException.class, wallet::latest);
    }

    @Test
    void load_tamperedFile_refusedWithoutEchoingIt() throws Exception {
        Wallet wallet = new Wallet(home);
        StoredCredential c = credential("AB".repeat(32), 42);
        wallet.save(c);
        Path file = home.resolve("credentials").resolve(c.requestId() + ".credential");
        Files.writeString(file, Files.readString(file).replace("serial = ", "serial = zz"));
        ClientException e = assertThrows(ClientException.class, () -> wallet.load(c.requestId()));
        assertFalse(e.getMessage().contains("zz"));
    }
}
