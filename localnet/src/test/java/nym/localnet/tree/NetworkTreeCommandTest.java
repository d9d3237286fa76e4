package nym.localnet.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import nym.coconut.keygen.KeyGen;
import nym.coconut.keygen.SecretKey;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.keygen.VerificationKeyShare;
import nym.coconut.setup.Parameters;
import nym.directory.api.AuthoritySet;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.Keys;
import nym.ledger.Hex;
import nym.ledger.comet.GenesisDoc;
import nym.ledger.state.Genesis;
import nym.ledger.tx.Secp256k1;
import nym.ledger.tx.proto.LedgerProto.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NetworkTreeCommandTest {

    @TempDir
    Path dir;

    private int build(Path out, String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "--out";
        args[1] = out.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        CommandLine cmd = new CommandLine(new NetworkTreeCommand());
        cmd.setErr(new PrintWriter(new StringWriter()));
        return cmd.execute(args);
    }

    private static Secp256k1.KeyPair key(Path file) throws IOException {
        return Secp256k1.KeyPair.of(Hex.parse(Files.readString(file).trim(), 32, "key"));
    }

    @Test
    void build_sameSeed_sameKeys_otherSeed_otherKeys() throws IOException {
        assertEquals(0, build(dir.resolve("a"), "--seed", "s1"));
        assertEquals(0, build(dir.resolve("b"), "--seed", "s1"));
        assertEquals(0, build(dir.resolve("c"), "--seed", "s2"));
        for (String f : new String[] {
            "authorities/authority-2/issuer.key", "authorities/authority-3/watcher.key", "ethereum/pipe.key",
            "coconut/verification-key", "authorities/authority-1/directory.key", "clients/client-2/account.key"
        }) {
            assertEquals(Files.readString(dir.resolve("a/" + f)), Files.readString(dir.resolve("b/" + f)), f);
            assertNotEquals(Files.readString(dir.resolve("a/" + f)), Files.readString(dir.resolve("c/" + f)), f);
        }
    }

    @Test
    void build_genesisRegistersTheTreesKeys() throws Exception {
        Path t = dir.resolve("net");
        assertEquals(0, build(t, "--seed", "g", "--client-genesis-balance", "7"));
        GenesisDoc doc = GenesisDoc.read(t.resolve("ledger/genesis.json"));
        Genesis genesis = Genesis.parse(doc.appState(), doc.chainId());
        Params p = genesis.params();
        assertEquals("nym-localnet", p.getChainId());
        assertEquals(2, p.getWatcherThreshold());
        assertEquals(3, p.getWatchersCount());
        for (int i = 1; i <= 3; i++) {
            Path a = t.resolve("authorities/authority-" + i);
            assertArrayEquals(
                    key(a.resolve("watcher.key")).address(),
                    p.getWatchers(i - 1).toByteArray());
            assertArrayEquals(
                    key(a.resolve("verifier.key")).address(),
                    p.getVerifiers(i - 1).toByteArray());
            assertArrayEquals(
                    key(a.resolve("issuer-account.key")).address(),
                    p.getIssuers(i - 1).getAddress().toByteArray());
            VerificationKeyShare share = VerificationKeyShare.fromText(
                    Files.readString(a.resolve("issuer.vk")).trim());
            assertEquals(i, share.index());
            assertArrayEquals(
                    share.toBytes(), p.getIssuers(i - 1).getVerificationKey().toByteArray());
            // the share's public key belongs to the secret key beside it
            SecretKey sk =
                    SecretKey.fromText(Files.readString(a.resolve("issuer.key")).trim());
            Parameters params = Parameters.fromText(
                    Files.readString(t.resolve("coconut/parameters")).trim());
            assertArrayEquals(
                    KeyGen.verificationKey(params, sk).toBytes(), share.key().toBytes());
        }
        assertArrayEquals(
                VerificationKey.fromText(Files.readString(t.resolve("coconut/verification-key"))
                                .trim())
                        .toBytes(),
                p.getCoconutVerificationKey().toByteArray());
        assertArrayEquals(
                key(t.resolve("ethereum/pipe.key")).address(),
                p.getPipeAccount().toByteArray());
        assertEquals(
                Hex.prefixed(key(t.resolve("ethereum/pipe.key")).address()),
                Files.readString(t.resolve("ethereum/pipe.address")).trim());
        assertEquals(
                7L,
                genesis.balances()
                        .get(Hex.lower(
                                key(t.resolve("clients/client-1/account.key")).address())));
    }

    @Test
    void build_secretFilesAreOwnerOnly() throws IOException {
        Path t = dir.resolve("perm");
        assertEquals(0, build(t));
        assertEquals(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(t.resolve("authorities/authority-1/verifier.key")));
        assertTrue(Files.getPosixFilePermissions(t.resolve("coconut/parameters"))
                .contains(PosixFilePermission.OTHERS_READ));
        assertTrue(Files.readString(t.resolve("network.toml")).contains("seed = \"random\""));
    }

    @Test
    void build_authoritySetListsEachAuthoritysDirectoryKey() throws IOException {
        Path t = dir.resolve("epochs");
        assertEquals(0, build(t, "--authorities", "4", "--threshold", "3", "--epoch-seconds", "10"));
        AuthoritySet set = AuthoritySet.load(t.resolve(AuthoritySet.TREE_FILE));
        assertEquals(3, set.threshold());
        assertEquals(10, set.epochSeconds());
        assertEquals(4, set.keys().size());
        for (int i = 1; i <= 4; i++) {
            Path key = t.resolve("authorities/authority-" + i + "/directory.key");
            assertEquals(
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(key));
            byte[] seed = Keys.decode(Files.readString(key).trim(), Keys.SECRET_KEY_BYTES, "directory.key");
            assertEquals(
                    Ed25519Identity.fromSecret(seed).publicKeyText(), set.keys().get(i - 1), "authority " + i);
        }
        assertTrue(Files.getPosixFilePermissions(t.resolve(AuthoritySet.TREE_FILE))
                .contains(PosixFilePermission.OTHERS_READ));
        assertTrue(Files.notExists(t.resolve("directory/signing.key")));
    }

    @Test
    void build_withoutEpochSeconds_epochsOfAnHour() throws IOException {
        Path t = dir.resolve("hour");
        assertEquals(0, build(t, "--seed", "h"));
        assertEquals(3600, AuthoritySet.load(t.resolve(AuthoritySet.TREE_FILE)).epochSeconds());
    }

    @Test
    void build_badSizesOrSeed_refusedAndWritesNothing() {
        assertEquals(2, build(dir.resolve("x1"), "--threshold", "4"));
        assertEquals(2, build(dir.resolve("x2"), "--authorities", "0"));
        assertEquals(2, build(dir.resolve("x3"), "--seed", "has space"));
        assertEquals(2, build(dir.resolve("x4"), "--seed", "quote\""));
        assertEquals(2, build(dir.resolve("x5"), "--epoch-seconds", "0"));
        assertTrue(Files.notExists(dir.resolve("x1")));
        assertTrue(Files.notExists(dir.resolve("x3")));
        assertTrue(Files.notExists(dir.resolve("x5")));
    }
}
