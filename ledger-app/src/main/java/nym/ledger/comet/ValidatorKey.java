package nym.ledger.comet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * An Ed25519 key as CometBFT v0.38 keeps it: a validator's consensus key ({@code priv_validator_key.json}) or a
 * node's p2p key ({@code node_key.json}). The address is the first 20 bytes of SHA-256 of the public key; a node's
 * id is that address in lowercase hex, which peers name in {@code id@host:port}.
 */
public final class ValidatorKey {
    private static final String PUB_TYPE = "tendermint/PubKeyEd25519";
    private static final String PRIV_TYPE = "tendermint/PrivKeyEd25519";
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final byte[] seed;
    private final byte[] publicKey;

    private ValidatorKey(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, not " + seed.length);
        }
        this.seed = seed.clone();
        this.publicKey =
                new Ed25519PrivateKeyParameters(seed).generatePublicKey().getEncoded();
    }

    /** A key from a 32-byte secret seed (a network tree derives it from its seed, so rebuilding is repeatable). */
    public static ValidatorKey fromSeed(byte[] seed) {
        return new ValidatorKey(seed);
    }

    public static ValidatorKey random() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return new ValidatorKey(seed);
    }

    /** The key in a priv_validator_key.json or node_key.json file, or a new random key if there is no such file. */
    public static ValidatorKey readOrRandom(Path file) throws IOException {
        if (!Files.exists(file)) {
            return random();
        }
        JsonNode priv =
                new ObjectMapper().readTree(file.toFile()).path("priv_key").path("value");
        byte[] both = Base64.getDecoder().decode(priv.asText());
        if (both.length != 64) {
            throw new IOException(file + ": priv_key is not a 64-byte Ed25519 key");
        }
        return new ValidatorKey(Arrays.copyOf(both, 32));
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** SHA-256(public key)[0..20]. */
    public byte[] address() {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(publicKey), 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The p2p node id: the address in lowercase hex. */
    public String nodeId() {
        return HexFormat.of().formatHex(address());
    }

    /** {@code {"type": "tendermint/PubKeyEd25519", "value": <base64>}}. */
    public ObjectNode publicKeyJson() {
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        key.put("type", PUB_TYPE);
        key.put("value", BASE64.encodeToString(publicKey));
        return key;
    }

    /** The content of {@code priv_validator_key.json}: secret. */
    ObjectNode privValidatorKeyJson() {
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        file.put("address", HexFormat.of().withUpperCase().formatHex(address()));
        file.set("pub_key", publicKeyJson());
        file.set("priv_key", privateKeyJson());
        return file;
    }

    /** The content of {@code node_key.json}: secret. */
    ObjectNode nodeKeyJson() {
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        file.set("priv_key", privateKeyJson());
        return file;
    }

    /** CometBFT's private key form is the seed followed by the public key (64 bytes). */
    private ObjectNode privateKeyJson() {
        byte[] both = Arrays.copyOf(seed, 64);
        System.arraycopy(publicKey, 0, both, 32, 32);
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        key.put("type", PRIV_TYPE);
        key.put("value", BASE64.encodeToString(both));
        return key;
    }

    @Override
    public String toString() {
        return "ValidatorKey[" + nodeId() + "]";
    }
}
