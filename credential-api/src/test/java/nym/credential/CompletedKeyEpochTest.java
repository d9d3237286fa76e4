package nym.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import nym.credential.PayloadException.Kind;
import org.junit.jupiter.api.Test;

class CompletedKeyEpochTest {

    private static final String JSON = Fixtures.completedJson(3, Fixtures.KEYS);

    private static Kind refusal(String json) {
        return assertThrows(PayloadException.class, () -> CompletedKeyEpoch.fromJson(json))
                .kind();
    }

    @Test
    void fromJson_ledgerAnswer_keysOfTheKeyEpoch() throws Exception {
        CompletedKeyEpoch parsed = CompletedKeyEpoch.fromJson(JSON);

        assertEquals(Fixtures.completed(3, Fixtures.KEYS), parsed);
        assertEquals(3, parsed.keyEpoch());
        assertEquals(2, parsed.threshold());
        assertEquals(Fixtures.KEYS.verificationKey(), parsed.verificationKey());
        assertEquals(
                Fixtures.KEYS.issuer(2).verificationKeyShare(), parsed.share(2).orElseThrow());
        assertTrue(parsed.share(4).isEmpty());
    }

    @Test
    void fromJson_numbersAsDecimalStrings_sameKeys() throws Exception {
        String quoted = JSON.replace("\"key_epoch\":3", "\"key_epoch\":\"3\"")
                .replace("\"threshold\":2", "\"threshold\":\"2\"");

        assertEquals(CompletedKeyEpoch.fromJson(JSON), CompletedKeyEpoch.fromJson(quoted));
    }

    @Test
    void fromJson_notCompletedOrNotJson_malformed() {
        assertEquals(Kind.MALFORMED, refusal(JSON.replace("\"phase\":\"completed\"", "\"phase\":\"dealing\"")));
        assertEquals(Kind.MALFORMED, refusal(JSON.replace("\"phase\":\"completed\",", "")));
        assertEquals(Kind.MALFORMED, refusal("no key epoch"));
        assertEquals(Kind.MALFORMED, refusal("[1]"));
        assertEquals(Kind.MALFORMED, refusal(JSON.replace("\"key_epoch\":3", "\"key_epoch\":0")));
        assertEquals(Kind.MALFORMED, refusal(JSON.replace("\"key_epoch\":3", "\"key_epoch\":3.5")));
        assertEquals(Kind.MALFORMED, refusal(JSON.replace("\"threshold\":2", "\"threshold\":\"two\"")));
        assertEquals(Kind.MALFORMED, refusal(JSON.replace("\"shares\":[", "\"ignored\":[")));
    }

    @Test
    void fromJson_shareUnderAnotherIndexOrTwice_malformed() {
        assertEquals(Kind.MALFORMED, refusal(JSON.replace("{\"index\":1,", "{\"index\":7,")));
        String vk1 = Base64.getEncoder()
                .encodeToString(Fixtures.KEYS.issuer(1).verificationKeyShare().toBytes());
        String twice =
                JSON.replace("\"shares\":[", "\"shares\":[{\"index\":1,\"verification_key_share\":\"" + vk1 + "\"},");
        assertEquals(Kind.MALFORMED, refusal(twice));
    }

    @Test
    void fromJson_keyThatDoesNotDecode_invalidElementOrMalformed() {
        String vk = Base64.getEncoder()
                .encodeToString(Fixtures.KEYS.verificationKey().toBytes());
        byte[] flipped = Fixtures.KEYS.verificationKey().toBytes();
        flipped[10] ^= 0x01;

        assertEquals(
                Kind.INVALID_ELEMENT,
                refusal(JSON.replace(vk, Base64.getEncoder().encodeToString(flipped))));
        assertEquals(Kind.MALFORMED, refusal(JSON.replace(vk, "not base64!")));
    }
}
