package nym.provider.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import nym.coconut.CoconutException;
import nym.coconut.verification.Theta;
import nym.credential.testing.DealerCredentials;
import nym.provider.application.SpendRefused;
import nym.provider.application.SpendRefused.Reason;
import nym.provider.application.SpendRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SpendBodyTest {

    private static final String BINDING = "0x" + "11".repeat(20);
    private static final String NONCE = "ab".repeat(32);
    private static String credential;

    @BeforeAll
    static void show() throws CoconutException {
        DealerCredentials coconut = new DealerCredentials(7, 2);
        Theta theta = coconut.show(
                coconut.issue(2, 10),
                HexFormat.of().parseHex("11".repeat(20)),
                HexFormat.of().parseHex(NONCE));
        credential = theta.toText();
    }

    private static String body(String credentialJson, String value, String binding, String nonce) {
        return "{\"key_epoch\":2,\"credential\":" + credentialJson + ",\"value\":" + value + ",\"binding\":" + binding
                + ",\"nonce\":" + nonce + "}";
    }

    private static String valid() {
        return body("\"" + credential + "\"", "10", "\"" + BINDING + "\"", "\"" + NONCE + "\"");
    }

    private static SpendRequest read(String body) {
        return SpendBody.read(3, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertRefused(Reason reason, String body) {
        SpendRefused e = assertThrows(SpendRefused.class, () -> read(body));
        assertEquals(reason, e.reason(), e.getMessage());
    }

    @Test
    void read_validBody_parsesEveryMember() {
        SpendRequest r = read(valid());
        assertEquals(3, r.provider());
        assertEquals(2, r.keyEpoch());
        assertEquals(10, r.value());
        assertEquals(credential, r.theta().toText());
        assertArrayEquals(HexFormat.of().parseHex("11".repeat(20)), r.binding());
        assertArrayEquals(HexFormat.of().parseHex(NONCE), r.nonce());
    }

    @Test
    void read_notJson_refusedMalformed() {
        assertRefused(Reason.MALFORMED, "credential=abc");
        assertRefused(Reason.MALFORMED, "[1,2]");
        assertRefused(Reason.MALFORMED, "");
        assertRefused(Reason.MALFORMED, valid().substring(0, valid().length() - 1));
    }

    @Test
    void read_unknownOrMissingMember_refusedMalformed() {
        assertRefused(Reason.MALFORMED, valid().replace("}", ",\"zeta\":\"00\"}"));
        assertRefused(Reason.MALFORMED, "{\"value\":10,\"binding\":\"" + BINDING + "\",\"nonce\":\"" + NONCE + "\"}");
    }

    @Test
    void read_keyEpochMissing_refusedMalformedNamingTheMember() {
        SpendRefused e = assertThrows(SpendRefused.class, () -> read(valid().replace("\"key_epoch\":2,", "")));

        assertEquals(Reason.MALFORMED, e.reason());
        assertTrue(e.getMessage().contains("key_epoch is missing"), e.getMessage());
        assertEquals(400, Problems.status(e.reason()));
    }

    @Test
    void read_keyEpochNotAPositiveInteger_refusedMalformed() {
        for (String bad : new String[] {"0", "-1", "\"2\"", "2.5", "1e40", "null"}) {
            SpendRefused e = assertThrows(
                    SpendRefused.class, () -> read(valid().replace("\"key_epoch\":2", "\"key_epoch\":" + bad)));
            assertEquals(Reason.MALFORMED, e.reason(), bad);
            assertTrue(e.getMessage().contains("key_epoch"), e.getMessage());
        }
    }

    @Test
    void read_badCredential_refusedMalformed() {
        assertRefused(
                Reason.MALFORMED, body("\"coconut-theta.v1.AAAA\"", "10", "\"" + BINDING + "\"", "\"" + NONCE + "\""));
        assertRefused(Reason.MALFORMED, body("42", "10", "\"" + BINDING + "\"", "\"" + NONCE + "\""));
        assertRefused(Reason.MALFORMED, valid().replace(credential, credential.substring(0, credential.length() - 4)));
        assertRefused(Reason.MALFORMED, valid().replace("coconut-theta", "coconut-signature"));
    }

    @Test
    void read_badValue_refusedMalformed() {
        assertRefused(Reason.MALFORMED, valid().replace("\"value\":10", "\"value\":\"10\""));
        assertRefused(Reason.MALFORMED, valid().replace("\"value\":10", "\"value\":10.5"));
        assertRefused(Reason.MALFORMED, valid().replace("\"value\":10", "\"value\":1e40"));
    }

    @Test
    void read_badBindingOrNonce_refusedMalformed() {
        assertRefused(Reason.MALFORMED, valid().replace(BINDING, "0x1234"));
        assertRefused(Reason.MALFORMED, valid().replace(BINDING, "11".repeat(20)));
        assertRefused(Reason.MALFORMED, valid().replace(NONCE, "ab".repeat(8).substring(1)));
        assertRefused(Reason.MALFORMED, valid().replace(NONCE, "ab".repeat(15)));
        assertRefused(Reason.MALFORMED, valid().replace(NONCE, "zz".repeat(32)));
    }

    @Test
    void read_oversizedBody_refusedTooLarge() {
        assertRefused(Reason.TOO_LARGE, valid().replace("}", ",\"pad\":\"" + "x".repeat(SpendBody.MAX_BYTES) + "\"}"));
    }
}
