package nym.directory.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nym.directory.api.testing.TestAuthorities;
import org.junit.jupiter.api.Test;

class TrustedEpochsTest {

    private static final long HOUR = 3_600_000;
    private final TestAuthorities authorities = TestAuthorities.threeOfWhichTwo();
    private final TrustedEpochs trusted = new TrustedEpochs(authorities.set());

    static EpochDocument document(long epoch) {
        return new EpochDocument(
                EpochDocument.VERSION,
                epoch,
                epoch * HOUR,
                (epoch + 1) * HOUR,
                (epoch + 1) * HOUR + 60_000,
                Keys.encode(LayerAssignment.seed("test", epoch)),
                new EpochDocument.Mixing(50, 2, 1, 1),
                List.of(new EpochDocument.Layer(1, List.of())),
                List.of());
    }

    @Test
    void accept_twoOfThreeSigned_returnsTheDocument() {
        EpochDocument doc = document(10);
        assertEquals(doc, trusted.accept(authorities.sign(doc, 1, 3), 10 * HOUR + 5));
        assertEquals(10, trusted.newestEpoch());
    }

    @Test
    void accept_oneSignature_refusedAsNotEnough() {
        DirectoryException e = assertThrows(
                DirectoryException.class, () -> trusted.accept(authorities.sign(document(10), 2), 10 * HOUR));
        assertEquals(DirectoryException.Kind.NOT_ENOUGH_SIGNATURES, e.kind());
    }

    @Test
    void accept_sameAuthorityTwice_countsOnce() {
        SignedEpochDocument once = authorities.sign(document(10), 1);
        SignedEpochDocument twice = new SignedEpochDocument(
                once.document(),
                List.of(once.signatures().get(0), once.signatures().get(0)));
        assertEquals(
                DirectoryException.Kind.NOT_ENOUGH_SIGNATURES,
                assertThrows(DirectoryException.class, () -> trusted.accept(twice, 10 * HOUR))
                        .kind());
    }

    @Test
    void accept_signedByUnknownKeys_refused() {
        TestAuthorities strangers = TestAuthorities.threeOfWhichTwo();
        DirectoryException e = assertThrows(
                DirectoryException.class, () -> trusted.accept(strangers.sign(document(10), 1, 2, 3), 10 * HOUR));
        assertEquals(DirectoryException.Kind.NOT_ENOUGH_SIGNATURES, e.kind());
    }

    @Test
    void accept_tamperedAfterSigning_refused() {
        SignedEpochDocument signed = authorities.sign(document(10), 1, 2);
        SignedEpochDocument tampered =
                new SignedEpochDocument(SignedEpochDocument.of(document(11)).document(), signed.signatures());
        assertEquals(
                DirectoryException.Kind.NOT_ENOUGH_SIGNATURES,
                assertThrows(DirectoryException.class, () -> trusted.accept(tampered, 11 * HOUR))
                        .kind());
    }

    @Test
    void accept_olderEpochThanHeld_refusedAsStale() {
        trusted.accept(authorities.sign(document(11), 1, 2), 11 * HOUR);
        DirectoryException e = assertThrows(
                DirectoryException.class, () -> trusted.accept(authorities.sign(document(10), 1, 2), 11 * HOUR));
        assertEquals(DirectoryException.Kind.STALE_EPOCH, e.kind());
        // the same epoch again (a refresh) is fine
        trusted.accept(authorities.sign(document(11), 2, 3), 11 * HOUR + 1);
    }

    @Test
    void accept_afterValidity_refusedAsExpired() {
        EpochDocument doc = document(10);
        DirectoryException e = assertThrows(
                DirectoryException.class, () -> trusted.accept(authorities.sign(doc, 1, 2), doc.validUntilMillis()));
        assertEquals(DirectoryException.Kind.EXPIRED, e.kind());
        assertEquals(Long.MIN_VALUE, trusted.newestEpoch());
    }

    @Test
    void accept_documentNotBase64_refusedWithJsonKind() {
        SignedEpochDocument garbage = new SignedEpochDocument("***", List.of());
        assertEquals(
                DirectoryException.Kind.JSON,
                assertThrows(DirectoryException.class, () -> trusted.accept(garbage, 0))
                        .kind());
    }

    @Test
    void authoritySet_textRoundTrip_andBadThresholdRefused() {
        AuthoritySet set = authorities.set();
        assertEquals(set, AuthoritySet.parse(set.toText()));
        String bad = set.toText().replace("threshold=2", "threshold=4");
        assertThrows(DirectoryException.class, () -> AuthoritySet.parse(bad));
    }
}
