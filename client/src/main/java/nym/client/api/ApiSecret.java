package nym.client.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import nym.client.ClientException;
import nym.client.keys.SecretFiles;
import nym.directory.api.Keys;

/**
 * The local API's per-run secret: {@value #BYTES} random bytes, unpadded base64url. {@code nymclient run} writes a
 * fresh one to the home's {@code api.secret} (mode 0600, so only the local user's programs can read it) and removes
 * it at stop; every request presents it as {@code Authorization: Bearer <secret>}. Never logged, never in toString.
 */
public final class ApiSecret {

    public static final int BYTES = 32;
    private static final String BEARER = "Bearer ";

    private final String text;

    private ApiSecret(String text) {
        this.text = text;
    }

    public static ApiSecret generate(SecureRandom random) {
        byte[] secret = new byte[BYTES];
        random.nextBytes(secret);
        return new ApiSecret(Keys.encode(secret));
    }

    /**
     * The secret of the client running on a home.
     *
     * @throws ClientException API when the file is missing (no client runs there), KEYS when it is malformed
     */
    public static ApiSecret read(Path file) {
        if (!Files.exists(file)) {
            throw new ClientException(
                    ClientException.Kind.API,
                    file + " does not exist: no client is running on this home (start `nymclient run` first)");
        }
        return new ApiSecret(Keys.encode(SecretFiles.read(file, BYTES)));
    }

    /** Writes (or replaces, atomically) {@code file} with this secret, mode 0600. */
    public void writeTo(Path file) {
        SecretFiles.replaceText(file, text);
    }

    /** The {@code Authorization} header value that presents this secret. */
    public String authorization() {
        return BEARER + text;
    }

    /** Whether an {@code Authorization} header value presents this secret; constant time in the secret. */
    public boolean isPresentedBy(String authorization) {
        return MessageDigest.isEqual(
                authorization().getBytes(StandardCharsets.US_ASCII), authorization.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "ApiSecret[hidden]";
    }
}
