package nym.localnet.tree;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the keys of the tree's development parties come from (the validators, the pipe account, the providers',
 * the gateways' and the node operators' ledger accounts, the clients; never an authority's, see {@link AuthorityInit}): the operating system's randomness, or — for a
 * development network that must come out the same on every machine — a public seed string, expanded with HMAC-SHA256
 * under a label naming each key ("clients/client-2/account"), so that adding a component never changes the keys of
 * the others.
 */
@FunctionalInterface
interface KeySource {

    /** 32 bytes for the key named {@code label}. */
    byte[] bytes32(String label);

    static KeySource secure() {
        SecureRandom random = new SecureRandom();
        return label -> {
            byte[] out = new byte[32];
            random.nextBytes(out);
            return out;
        };
    }

    static KeySource seeded(String seed) {
        return label -> hmac(seed, label.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String seed, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("nym-localnet:" + seed).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }
}
