package nym.directory.application;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import nym.directory.api.AnnouncedKey;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.KeyPossession;
import nym.directory.api.Keys;
import nym.directory.api.testing.TestAuthorities;
import nym.directory.domain.node.NodeKind;
import nym.link.LinkKeys;
import org.bouncycastle.math.ec.rfc7748.X25519;

/** Mix nodes and gateways as the registry holds them: real Sphinx keys with real proofs for each test authority. */
final class TestNodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static int port = 10000;

    private TestNodes() {}

    static EpochCandidate mixnode(TestAuthorities authorities, long epoch) {
        return node(NodeKind.MIXNODE, authorities, epoch);
    }

    static EpochCandidate gateway(TestAuthorities authorities, long epoch) {
        return node(NodeKind.GATEWAY, authorities, epoch);
    }

    private static EpochCandidate node(NodeKind kind, TestAuthorities authorities, long epoch) {
        String identity = Ed25519Identity.generate().publicKeyText();
        String address = "127.0.0.1:" + port++;
        return new EpochCandidate(
                kind,
                identity,
                address,
                kind == NodeKind.GATEWAY ? "127.0.0.1:" + port++ : null,
                "0.1.0",
                "Test",
                announce(authorities, identity, epoch),
                announce(authorities, identity, epoch + 1));
    }

    /** A fresh Sphinx key for {@code epoch} with a valid proof for every authority of the set. */
    static AnnouncedKey announce(TestAuthorities authorities, String identity, long epoch) {
        byte[] secret = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(RANDOM, secret);
        byte[] sphinxKey = new byte[X25519.POINT_SIZE];
        X25519.generatePublicKey(secret, 0, sphinxKey, 0);
        Map<String, String> proofs = new LinkedHashMap<>();
        for (int i = 1; i <= authorities.set().keys().size(); i++) {
            Ed25519Identity authority = authorities.authority(i);
            proofs.put(
                    authority.publicKeyText(),
                    KeyPossession.prove(
                            secret, sphinxKey, LinkKeys.x25519PublicKey(authority.publicKey()), identity, epoch));
        }
        return new AnnouncedKey(epoch, Keys.encode(sphinxKey), proofs);
    }

    /** {@code c} announcing {@code key} and {@code nextKey} in place of its own. */
    static EpochCandidate withKeys(EpochCandidate c, AnnouncedKey key, AnnouncedKey nextKey) {
        return new EpochCandidate(
                c.kind(), c.identityKey(), c.address(), c.clientListener(), c.version(), c.location(), key, nextKey);
    }

    /** {@code key} with the proof for {@code authority} replaced by {@code tag} (null: removed). */
    static AnnouncedKey withProof(AnnouncedKey key, Ed25519Identity authority, String tag) {
        Map<String, String> proofs = new LinkedHashMap<>(key.proofs());
        if (tag == null) {
            proofs.remove(authority.publicKeyText());
        } else {
            proofs.put(authority.publicKeyText(), tag);
        }
        return new AnnouncedKey(key.epoch(), key.key(), proofs);
    }

    /** Authority {@code index}'s own proof check, as {@link AuthorityKeys} derives it from its seed. */
    static AuthorityProofs proofsOf(TestAuthorities authorities, int index) {
        Ed25519Identity authority = authorities.authority(index);
        return new AuthorityProofs(
                authority.publicKeyText(),
                LinkKeys.fromEd25519Seed(authority.secretKey()).privateKey());
    }

    /** A 16-byte tag that proves nothing. */
    static String bogusTag() {
        return Keys.encode(new byte[KeyPossession.TAG_BYTES]);
    }
}
