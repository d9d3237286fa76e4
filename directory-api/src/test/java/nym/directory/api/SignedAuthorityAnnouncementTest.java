package nym.directory.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nym.directory.api.testing.TestAuthorities;
import org.junit.jupiter.api.Test;

class SignedAuthorityAnnouncementTest {

    private static final long AT = 1_764_921_600_000L;
    private final TestAuthorities authorities = TestAuthorities.threeOfWhichTwo();

    @Test
    void verify_signedByItsAuthorityAfterJsonRoundTrip_returnsTheAnnouncement() {
        SignedAuthorityAnnouncement signed = authorities.announce(2, AT);
        SignedAuthorityAnnouncement read = Json.read(Json.write(signed), SignedAuthorityAnnouncement.class);
        assertEquals(authorities.announcement(2, AT), read.verify(authorities.set()));
        assertEquals(signed, read);
    }

    @Test
    void verify_anyAnnouncedField_isInTheSignedBytes() {
        String json = new String(authorities.announce(1, AT).announcementBytes(), StandardCharsets.UTF_8);
        for (String field : new String[] {
            "index",
            "directoryKey",
            "ledgerRpc",
            "issuerUrl",
            "issuerAddress",
            "watcherAddress",
            "verifierAddress",
            "dkgKey",
            "announcedAtMillis"
        }) {
            assertTrue(json.contains("\"" + field + "\":"), field + " in " + json);
        }
    }

    @Test
    void verify_tamperedAfterSigning_badSignature() {
        SignedAuthorityAnnouncement signed = authorities.announce(1, AT);
        AuthorityAnnouncement a = signed.unverified();
        byte[] other = new AuthorityAnnouncement(
                        a.index(),
                        a.directoryKey(),
                        a.ledgerRpc(),
                        "http://evil.example:80/issuer/api",
                        a.issuerAddress(),
                        a.watcherAddress(),
                        a.verifierAddress(),
                        a.dkgKey(),
                        a.announcedAtMillis())
                .canonicalBytes();
        assertKind(
                DirectoryException.Kind.BAD_SIGNATURE,
                new SignedAuthorityAnnouncement(Keys.encode(other), signed.signature()));
    }

    @Test
    void verify_signedByAnotherAuthorityUnderItsKey_badSignature() {
        SignedAuthorityAnnouncement forged =
                SignedAuthorityAnnouncement.sign(authorities.announcement(1, AT), authorities.authority(2));
        assertKind(DirectoryException.Kind.BAD_SIGNATURE, forged);
    }

    @Test
    void verify_namingAnUnpinnedKeyItSignedWith_badSignature() {
        Ed25519Identity outsider = Ed25519Identity.generate();
        AuthorityAnnouncement a = authorities.announcement(1, AT);
        AuthorityAnnouncement claimed = new AuthorityAnnouncement(
                1,
                outsider.publicKeyText(),
                a.ledgerRpc(),
                a.issuerUrl(),
                a.issuerAddress(),
                a.watcherAddress(),
                a.verifierAddress(),
                a.dkgKey(),
                AT);
        assertKind(DirectoryException.Kind.BAD_SIGNATURE, SignedAuthorityAnnouncement.sign(claimed, outsider));
    }

    @Test
    void verify_epochDocumentSignatureOverTheSameBytes_badSignature() {
        SignedAuthorityAnnouncement signed = authorities.announce(1, AT);
        String otherContext =
                Keys.encode(authorities.authority(1).sign(Signing.epochDocumentMessage(signed.announcementBytes())));
        assertKind(
                DirectoryException.Kind.BAD_SIGNATURE,
                new SignedAuthorityAnnouncement(signed.announcement(), otherContext));
    }

    @Test
    void verify_malformedOrMissingSignature_badSignature() {
        SignedAuthorityAnnouncement signed = authorities.announce(1, AT);
        assertKind(DirectoryException.Kind.BAD_SIGNATURE, new SignedAuthorityAnnouncement(signed.announcement(), "x"));
        assertKind(DirectoryException.Kind.BAD_SIGNATURE, new SignedAuthorityAnnouncement(signed.announcement(), null));
    }

    @Test
    void verify_indexOutsideThePinnedSet_unknownAuthority() {
        TestAuthorities four = new TestAuthorities(4, 2, 3600);
        assertKind(DirectoryException.Kind.UNKNOWN_AUTHORITY, four.announce(4, AT));
        AuthorityAnnouncement a = authorities.announcement(1, AT);
        AuthorityAnnouncement zero = new AuthorityAnnouncement(
                0,
                a.directoryKey(),
                a.ledgerRpc(),
                a.issuerUrl(),
                a.issuerAddress(),
                a.watcherAddress(),
                a.verifierAddress(),
                a.dkgKey(),
                AT);
        assertKind(
                DirectoryException.Kind.UNKNOWN_AUTHORITY,
                SignedAuthorityAnnouncement.sign(zero, authorities.authority(1)));
    }

    @Test
    void verify_announcementMissingNotBase64OrNotJson_jsonKind() {
        String signature = authorities.announce(1, AT).signature();
        assertKind(DirectoryException.Kind.JSON, new SignedAuthorityAnnouncement(null, signature));
        assertKind(DirectoryException.Kind.JSON, new SignedAuthorityAnnouncement("***", signature));
        assertKind(
                DirectoryException.Kind.JSON,
                new SignedAuthorityAnnouncement(Keys.encode("not json".getBytes(StandardCharsets.UTF_8)), signature));
    }

    @Test
    void announcedAuthorities_jsonRoundTrip_keepsOrderAndBytes() {
        AnnouncedAuthorities all =
                new AnnouncedAuthorities(List.of(authorities.announce(1, AT), authorities.announce(3, AT)));
        assertEquals(all, Json.read(Json.write(all), AnnouncedAuthorities.class));
    }

    private void assertKind(DirectoryException.Kind kind, SignedAuthorityAnnouncement signed) {
        assertEquals(
                kind,
                assertThrows(DirectoryException.class, () -> signed.verify(authorities.set()))
                        .kind());
    }
}
