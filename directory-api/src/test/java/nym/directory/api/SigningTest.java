package nym.directory.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SigningTest {

    private static final byte[] BODY = "{\"host\":\"127.0.0.1:1789\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void requestMessage_layout_isContextPathTimestampThenExactBody() {
        byte[] message = Signing.requestMessage("/api/presence/mixnodes", 1700000000123L, BODY);
        String expected = "nym-directory-request-v1\n/api/presence/mixnodes\n1700000000123\n"
                + new String(BODY, StandardCharsets.UTF_8);
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), message);
    }

    @Test
    void epochDocumentMessage_layout_isContextThenDocument() {
        assertArrayEquals(
                "nym-epoch-document-v1\nabc".getBytes(StandardCharsets.UTF_8),
                Signing.epochDocumentMessage("abc".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void authorityAnnouncementMessage_layout_isContextThenAnnouncement() {
        assertArrayEquals(
                "nym-authority-announcement-v1\nabc".getBytes(StandardCharsets.UTF_8),
                Signing.authorityAnnouncementMessage("abc".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ed25519_rfc8032TestVector1_matches() {
        // RFC 8032 section 7.1, TEST 1 (empty message).
        HexFormat hex = HexFormat.of();
        Ed25519Identity id = Ed25519Identity.fromSecret(
                hex.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", hex.formatHex(id.publicKey()));
        assertEquals(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
                hex.formatHex(id.sign(new byte[0])));
    }

    @Test
    void verifyRequest_signedByKey_passes() {
        Ed25519Identity id = Ed25519Identity.generate();
        String sig = Signing.signRequest(id, "/api/presence/mixnodes", 42L, BODY);
        Signing.verifyRequest(id.publicKeyText(), "/api/presence/mixnodes", 42L, BODY, sig);
    }

    @Test
    void verifyRequest_otherKey_badSignature() {
        Ed25519Identity id = Ed25519Identity.generate();
        Ed25519Identity other = Ed25519Identity.generate();
        String sig = Signing.signRequest(other, "/p", 42L, BODY);
        DirectoryException e = assertThrows(
                DirectoryException.class, () -> Signing.verifyRequest(id.publicKeyText(), "/p", 42L, BODY, sig));
        assertEquals(DirectoryException.Kind.BAD_SIGNATURE, e.kind());
    }

    @Test
    void verifyRequest_anyChangedPart_badSignature() {
        Ed25519Identity id = Ed25519Identity.generate();
        String sig = Signing.signRequest(id, "/p", 42L, BODY);
        byte[] changed = BODY.clone();
        changed[3] ^= 1;
        assertThrows(DirectoryException.class, () -> Signing.verifyRequest(id.publicKeyText(), "/q", 42L, BODY, sig));
        assertThrows(DirectoryException.class, () -> Signing.verifyRequest(id.publicKeyText(), "/p", 43L, BODY, sig));
        assertThrows(
                DirectoryException.class, () -> Signing.verifyRequest(id.publicKeyText(), "/p", 42L, changed, sig));
    }

    @Test
    void verifyRequest_malformedKeyOrSignature_malformedKey() {
        Ed25519Identity id = Ed25519Identity.generate();
        String sig = Signing.signRequest(id, "/p", 1L, BODY);
        for (String badKey : new String[] {
            null, "", "abc", id.publicKeyText() + "=", id.publicKeyText().substring(1) + "+"
        }) {
            DirectoryException e =
                    assertThrows(DirectoryException.class, () -> Signing.verifyRequest(badKey, "/p", 1L, BODY, sig));
            assertEquals(DirectoryException.Kind.MALFORMED_KEY, e.kind());
        }
        DirectoryException e = assertThrows(
                DirectoryException.class,
                () -> Signing.verifyRequest(id.publicKeyText(), "/p", 1L, BODY, sig.substring(2)));
        assertEquals(DirectoryException.Kind.MALFORMED_KEY, e.kind());
    }

    @Test
    void keysDecode_nonCanonicalTrailingBits_refused() {
        byte[] key = new byte[32];
        String text = Keys.encode(key);
        // The last of 43 characters carries 4 unused bits: 'B' sets one of them.
        String nonCanonical = text.substring(0, 42) + "B";
        assertThrows(DirectoryException.class, () -> Keys.decode(nonCanonical, 32, "k"));
        assertArrayEquals(key, Keys.decode(text, 32, "k"));
    }

    @Test
    void verify_wrongLengths_falseNotThrow() {
        assertFalse(Ed25519Identity.verify(new byte[31], BODY, new byte[64]));
        assertFalse(Ed25519Identity.verify(new byte[32], BODY, new byte[63]));
        Ed25519Identity id = Ed25519Identity.generate();
        assertTrue(Ed25519Identity.verify(id.publicKey(), BODY, id.sign(BODY)));
    }

    @Test
    void toString_identity_hidesSecret() {
        Ed25519Identity id = Ed25519Identity.fromSecret(new byte[32]);
        assertFalse(id.toString().contains(Keys.encode(new byte[32])));
    }
}
