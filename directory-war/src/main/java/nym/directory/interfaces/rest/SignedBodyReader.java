package nym.directory.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.function.Function;
import nym.directory.application.DirectoryConfig;
import nym.directory.application.RequestAuthenticator;

/**
 * The first steps of every signed POST, in the order that keeps bad input cheap: read the body within the size
 * limit, parse it, take the identity key it names, and check the signature over the exact bytes received.
 */
@ApplicationScoped
class SignedBodyReader {

    @Inject
    DirectoryConfig config;

    @Inject
    RequestAuthenticator authenticator;

    <T> SignedBody<T> read(
            String path,
            InputStream in,
            Long length,
            String timestamp,
            String signature,
            Class<T> type,
            Function<T, String> identityKey) {
        byte[] body = Bodies.read(in, length == null ? -1 : length, config.maxBodyBytes());
        T value = Bodies.json(body, type);
        String key = Bodies.key(identityKey.apply(value), "identityKey");
        return new SignedBody<>(value, key, authenticator.check(path, timestamp, signature, body, key));
    }
}
