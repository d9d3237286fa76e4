package nym.localnet.tree;

import static nym.localnet.tree.TreeFixture.build;
import static nym.localnet.tree.TreeFixture.secp256k1;
import static nym.localnet.tree.TreeFixture.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import nym.coconut.dkg.DkgKeyPair;
import nym.coconut.setup.Parameters;
import nym.directory.api.AuthoritySet;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.Keys;
import nym.ledger.Hex;
import nym.ledger.comet.GenesisDoc;
import nym.ledger.state.Genesis;
import nym.ledger.tx.proto.LedgerProto.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkTreeCommandTest {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final List<String> DEVELOPMENT_KEYS = List.of(
            "ethereum/pipe.key",
            "clients/client-2/account.key",
            "providers/provider-1/provider.key",
            "gateways/gateway-2/gateway.key",
            "operators/operator-3/operator.key");
    private static final List<String> AUTHORITY_KEYS = List.of(
            "authorities/authority-1/directory.key",
            "authorities/authority-2/issuer-account.key",
            "authorities/authority-3/watcher.key",
            "authorities/authority-1/verifier.key",
            "authorities/authority-2/dkg.key",
            "authorities/authority-3/monitor.key");

    @TempDir
    Path dir;

    @Test
    void build_sameSeed_sameDevelopmentKeys_otherSeed_otherKeys() throws IOException {
        build(dir.resolve("a"), "--seed", "s1");
        build(dir.resolve("b"), "--seed", "s1");
        build(dir.resolve("c"), "--seed", "s2");
        for (String f : DEVELOPMENT_KEYS) {
            assertEquals(text(dir.resolve("a/" + f)), text(dir.resolve("b/" + f)), f);
            assertNotEquals(text(dir.resolve("a/" + f)), text(dir.resolve("c/" + f)), f);
        }
    }

    @Test
    void build_sameSeed_authorityKeysStillRandom() throws IOException {
        build(dir.resolve("a"), "--seed", "s1");
        build(dir.resolve("b"), "--seed", "s1");
        for (String f : AUTHORITY_KEYS) {
            assertNotEquals(text(dir.resolve("a/" + f)), text(dir.resolve("b/" + f)), f);
        }
    }

    @Test
    void build_again_keepsAuthorityAndProviderKeys() throws IOException {
        Path t = dir.resolve("net");
        build(t, "--seed", "first");
        String watcher = text(t.resolve("authorities/authority-3/watcher.key"));
        String dkg = text(t.resolve("authorities/authority-2/dkg.key"));
        String provider = text(t.resolve("providers/provider-1/provider.key"));
        String gateway = text(t.resolve("gateways/gateway-2/gateway.key"));
        String pipe = text(t.resolve("ethereum/pipe.key"));

        TreeFixture.Run again = build(t, "--seed", "second");

        assertEquals(watcher, text(t.resolve("authorities/authority-3/watcher.key")));
        assertEquals(dkg, text(t.resolve("authorities/authority-2/dkg.key")));
        assertEquals(provider, text(t.resolve("providers/provider-1/provider.key")));
        assertEquals(gateway, text(t.resolve("gateways/gateway-2/gateway.key")));
        assertEquals(
                Hex.prefixed(
                        secp256k1(t.resolve("gateways/gateway-2/gateway.key")).address()),
                text(t.resolve("gateways/gateway-2/gateway.address")));
        assertNotEquals(pipe, text(t.resolve("ethereum/pipe.key")), "the development keys follow the seed");
        assertTrue(again.output().contains("authorities/authority-3/watcher.key (kept"), again.output());
        assertTrue(again.output().contains("gateways/gateway-2/gateway.key (kept"), again.output());
    }

    @Test
    void build_genesisRegistersThePublishedKeysAndTheDkgSchedule() throws Exception {
        Path t = dir.resolve("net");
        build(t, "--seed", "g", "--client-genesis-balance", "7");
        GenesisDoc doc = GenesisDoc.read(t.resolve("ledger/genesis.json"));
        Genesis genesis = Genesis.parse(doc.appState(), doc.chainId());
        Params p = genesis.params();
        assertEquals("nym-localnet", p.getChainId());
        assertEquals(2, p.getWatcherThreshold());
        assertEquals(2, p.getIssuerThreshold());
        assertEquals(3, p.getIssuersCount());
        for (int i = 1; i <= 3; i++) {
            Path a = t.resolve("authorities/authority-" + i);
            assertArrayEquals(
                    secp256k1(a.resolve("watcher.key")).address(),
                    p.getWatchers(i - 1).toByteArray());
            assertArrayEquals(
                    secp256k1(a.resolve("verifier.key")).address(),
                    p.getVerifiers(i - 1).toByteArray());
            assertArrayEquals(
                    secp256k1(a.resolve("issuer-account.key")).address(),
                    p.getIssuers(i - 1).getAddress().toByteArray());
            assertArrayEquals(
                    DkgKeyPair.fromSecretText(text(a.resolve("dkg.key")))
                            .publicKey()
                            .toBytes(),
                    p.getIssuers(i - 1).getDkgKey().toByteArray());
        }
        assertArrayEquals(
                Parameters.fromText(text(t.resolve("coconut/parameters"))).toBytes(),
                p.getCoconutParams().toByteArray());
        assertEquals(10, p.getDkgDealingBlocks());
        assertEquals(10, p.getDkgComplaintBlocks());
        assertEquals(0, p.getDkgRotationBlocks());
        assertEquals(4, p.getProvidersCount(), "2 providers, then 2 gateways");
        for (int k = 1; k <= 2; k++) {
            Path provider = t.resolve("providers/provider-" + k);
            byte[] address = secp256k1(provider.resolve("provider.key")).address();
            assertEquals(Hex.prefixed(address), text(provider.resolve("provider.address")));
            assertArrayEquals(address, p.getProviders(k - 1).toByteArray());
        }
        assertEquals(Genesis.DEFAULT_BANDWIDTH_BYTES_PER_NYM, p.getBandwidthBytesPerNym());
        assertArrayEquals(
                secp256k1(t.resolve("ethereum/pipe.key")).address(),
                p.getPipeAccount().toByteArray());
        assertEquals(
                Hex.prefixed(secp256k1(t.resolve("ethereum/pipe.key")).address()),
                text(t.resolve("ethereum/pipe.address")));
        assertEquals(
                7L,
                genesis.balances()
                        .get(Hex.lower(secp256k1(t.resolve("clients/client-1/account.key"))
                                .address())));
    }

    @Test
    void build_gateways_ledgerAccountsWrittenAndRegisteredAfterTheProviders() throws IOException {
        Path t = dir.resolve("net");
        TreeFixture.Run run = build(t, "--seed", "gw", "--providers", "1", "--gateways", "3");

        Params p = genesisParams(t);
        assertEquals(4, p.getProvidersCount());
        assertArrayEquals(
                secp256k1(t.resolve("providers/provider-1/provider.key")).address(),
                p.getProviders(0).toByteArray());
        for (int g = 1; g <= 3; g++) {
            Path gateway = t.resolve("gateways/gateway-" + g);
            byte[] address = secp256k1(gateway.resolve("gateway.key")).address();
            assertEquals(Hex.prefixed(address), text(gateway.resolve("gateway.address")));
            assertArrayEquals(address, p.getProviders(g).toByteArray(), "gateway " + g);
            assertEquals(OWNER_ONLY, Files.getPosixFilePermissions(gateway.resolve("gateway.key")));
            assertTrue(Files.getPosixFilePermissions(gateway.resolve("gateway.address"))
                    .contains(PosixFilePermission.OTHERS_READ));
            assertTrue(run.output().contains("gateways/gateway-" + g + "/gateway.key"), run.output());
        }
        assertFalse(Files.exists(t.resolve("gateways/gateway-4")));
        assertTrue(Files.readString(t.resolve("network.toml")).contains("\ngateways = 3\n"));
    }

    @Test
    void build_bandwidthBytesPerNym_inTheGenesis() throws IOException {
        Path t = dir.resolve("net");
        build(t, "--seed", "bw", "--bandwidth-bytes-per-nym", "4096");

        assertEquals(4096, genesisParams(t).getBandwidthBytesPerNym());
        assertTrue(Files.readString(t.resolve("network.toml")).contains("\nbandwidth_bytes_per_nym = 4096\n"));
    }

    private static Params genesisParams(Path tree) {
        GenesisDoc doc = GenesisDoc.read(tree.resolve("ledger/genesis.json"));
        return Genesis.parse(doc.appState(), doc.chainId()).params();
    }

    @Test
    void build_noTrustedDealerFiles() throws IOException {
        Path t = dir.resolve("net");
        build(t);
        assertTrue(Files.exists(t.resolve("coconut/parameters")));
        assertFalse(Files.exists(t.resolve("coconut/verification-key")));
        for (int i = 1; i <= 3; i++) {
            assertFalse(Files.exists(t.resolve("authorities/authority-" + i + "/issuer.key")));
            assertFalse(Files.exists(t.resolve("authorities/authority-" + i + "/issuer.vk")));
        }
    }

    @Test
    void build_treeFromBeforeIssue19_dealerFilesRemovedOtherKeysKept() throws IOException {
        Path t = dir.resolve("old");
        build(t, "--seed", "old");
        Path a1 = t.resolve("authorities/authority-1");
        String directoryKey = text(a1.resolve("directory.key"));
        Files.delete(a1.resolve("dkg.key"));
        Files.writeString(a1.resolve("issuer.key"), "an old dealer share\n");
        Files.writeString(a1.resolve("issuer.vk"), "its public key\n");
        Files.writeString(t.resolve("coconut/verification-key"), "the dealer's aggregated key\n");

        TreeFixture.Run run = build(t, "--seed", "old");

        assertFalse(Files.exists(a1.resolve("issuer.key")));
        assertFalse(Files.exists(a1.resolve("issuer.vk")));
        assertFalse(Files.exists(t.resolve("coconut/verification-key")));
        assertTrue(Files.exists(a1.resolve("dkg.key")));
        assertEquals(directoryKey, text(a1.resolve("directory.key")));
        assertTrue(run.output().contains("removed authorities/authority-1/issuer.key"), run.output());
        assertTrue(run.output().contains("removed coconut/verification-key"), run.output());
    }

    @Test
    void build_secretFilesOwnerOnly_publicFilesReadable() throws IOException {
        Path t = dir.resolve("perm");
        build(t);
        for (String secret : List.of(
                "authorities/authority-1/verifier.key",
                "authorities/authority-2/dkg.key",
                "providers/provider-1/provider.key",
                "gateways/gateway-1/gateway.key",
                "ethereum/pipe.key")) {
            assertEquals(OWNER_ONLY, Files.getPosixFilePermissions(t.resolve(secret)), secret);
        }
        for (String published : List.of(
                "coconut/parameters",
                "authorities/authority-1/authority.toml",
                "providers/provider-2/provider.address")) {
            assertTrue(Files.getPosixFilePermissions(t.resolve(published)).contains(PosixFilePermission.OTHERS_READ));
        }
        assertTrue(Files.readString(t.resolve("network.toml")).contains("seed = \"random\""));
    }

    @Test
    void build_printsNoSecret() throws IOException {
        Path t = dir.resolve("quiet");
        String output = build(t, "--seed", "q").output();
        for (Path file : TreeFixture.files(t)) {
            if (file.toString().endsWith(".key")) {
                assertFalse(output.contains(text(t.resolve(file))), file.toString());
            }
        }
    }

    @Test
    void build_authoritySetListsEachAuthoritysDirectoryKey() throws IOException {
        Path t = dir.resolve("epochs");
        build(t, "--authorities", "4", "--threshold", "3", "--epoch-seconds", "10");
        AuthoritySet set = AuthoritySet.load(t.resolve(AuthoritySet.TREE_FILE));
        assertEquals(3, set.threshold());
        assertEquals(10, set.epochSeconds());
        assertEquals(4, set.keys().size());
        for (int i = 1; i <= 4; i++) {
            Path key = t.resolve("authorities/authority-" + i + "/directory.key");
            assertEquals(OWNER_ONLY, Files.getPosixFilePermissions(key));
            byte[] seed = Keys.decode(text(key), Keys.SECRET_KEY_BYTES, "directory.key");
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
        build(t, "--seed", "h");
        assertEquals(3600, AuthoritySet.load(t.resolve(AuthoritySet.TREE_FILE)).epochSeconds());
    }

    @Test
    void build_badSizesOrSeed_refusedAndWritesNothing() {
        assertEquals(2, refused(dir.resolve("x1"), "--threshold", "4"));
        assertEquals(2, refused(dir.resolve("x2"), "--authorities", "0"));
        assertEquals(2, refused(dir.resolve("x3"), "--seed", "has space"));
        assertEquals(2, refused(dir.resolve("x4"), "--seed", "quote\""));
        assertEquals(2, refused(dir.resolve("x5"), "--epoch-seconds", "0"));
        assertEquals(2, refused(dir.resolve("x6"), "--gateways", "0"));
        assertEquals(2, refused(dir.resolve("x7"), "--bandwidth-bytes-per-nym", "0"));
        assertEquals(2, refused(dir.resolve("x8"), "--bandwidth-bytes-per-nym", "-1"));
        assertEquals(2, refused(dir.resolve("x9"), "--bandwidth-bytes-per-nym", "1MiB"));
        assertEquals(2, refused(dir.resolve("x10"), "--operators", "-1"));
        assertEquals(2, refused(dir.resolve("x11"), "--operator-genesis-balance", "-1"));
        for (String out : List.of("x1", "x3", "x5", "x6", "x7", "x8", "x9", "x10", "x11")) {
            assertTrue(Files.notExists(dir.resolve(out)), out);
        }
    }

    private static int refused(Path out, String... extra) {
        return TreeFixture.tryBuild(out, extra).exit();
    }
}
