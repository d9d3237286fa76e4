package nym.directory.api.testing;

import java.util.ArrayList;
import java.util.List;
import nym.directory.api.AuthorityAnnouncement;
import nym.directory.api.AuthoritySet;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.EpochDocument;
import nym.directory.api.SignedAuthorityAnnouncement;
import nym.directory.api.SignedEpochDocument;

/**
 * Topology authorities for tests: {@code n} fresh Ed25519 keys, threshold {@code t}, and documents signed by any
 * subset of them. For other modules' tests through directory-api's test-jar.
 */
public final class TestAuthorities {

    private final List<Ed25519Identity> keys = new ArrayList<>();
    private final AuthoritySet set;

    public TestAuthorities(int n, int threshold, long epochSeconds) {
        for (int i = 0; i < n; i++) {
            keys.add(Ed25519Identity.generate());
        }
        set = new AuthoritySet(keys.stream().map(Ed25519Identity::publicKeyText).toList(), threshold, epochSeconds);
    }

    /** Three authorities, threshold two, epochs of an hour. */
    public static TestAuthorities threeOfWhichTwo() {
        return new TestAuthorities(3, 2, 3600);
    }

    public AuthoritySet set() {
        return set;
    }

    /** Authority {@code index}, 1-based. */
    public Ed25519Identity authority(int index) {
        return keys.get(index - 1);
    }

    /** {@code document} signed by the authorities numbered {@code signers} (1-based). */
    public SignedEpochDocument sign(EpochDocument document, int... signers) {
        SignedEpochDocument signed = SignedEpochDocument.of(document);
        for (int i : signers) {
            signed = signed.signedBy(authority(i));
        }
        return signed;
    }

    /** {@code document} signed by the first {@code t} authorities: what a client accepts. */
    public SignedEpochDocument signByThreshold(EpochDocument document) {
        SignedEpochDocument signed = SignedEpochDocument.of(document);
        for (int i = 1; i <= set.threshold(); i++) {
            signed = signed.signedBy(authority(i));
        }
        return signed;
    }

    /** What authority {@code index} would announce at {@code announcedAtMillis}, with well-formed endpoints and keys. */
    public AuthorityAnnouncement announcement(int index, long announcedAtMillis) {
        String hex = String.valueOf(index).repeat(40);
        return new AuthorityAnnouncement(
                index,
                authority(index).publicKeyText(),
                "http://127.0.0.1:2665" + index,
                "http://127.0.0.1:28" + (index - 1) + "80/issuer/api",
                "0x" + hex,
                "0x" + hex.replace(String.valueOf(index), "a"),
                "0x" + hex.replace(String.valueOf(index), "b"),
                "0" + index + "ab".repeat(47),
                announcedAtMillis);
    }

    /** {@link #announcement} signed by authority {@code index}. */
    public SignedAuthorityAnnouncement announce(int index, long announcedAtMillis) {
        return SignedAuthorityAnnouncement.sign(announcement(index, announcedAtMillis), authority(index));
    }
}
