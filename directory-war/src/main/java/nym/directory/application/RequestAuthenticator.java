package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import nym.directory.api.DirectoryException;
import nym.directory.api.Signing;

/**
 * Checks a signed request (see {@link Signing}): timestamp inside the window around this instance's clock, then the
 * Ed25519 signature by the identity key the body names. Replays inside the window are caught by the store, which
 * only accepts a timestamp newer than the node's last one.
 */
@ApplicationScoped
public class RequestAuthenticator {

    @Inject
    DirectoryConfig config;

    private final Clock clock = Clock.systemUTC();

    /** @return the signed timestamp */
    public long check(String path, String timestampHeader, String signatureHeader, byte[] body, String identityKey) {
        if (timestampHeader == null || timestampHeader.isBlank()) {
            throw new RequestRejected(
                    RequestRejected.Reason.MALFORMED, Signing.TIMESTAMP_HEADER + " header is missing");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new RequestRejected(
                    RequestRejected.Reason.MALFORMED, Signing.SIGNATURE_HEADER + " header is missing");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            throw new RequestRejected(
                    RequestRejected.Reason.MALFORMED,
                    Signing.TIMESTAMP_HEADER + " must be milliseconds since the epoch, a decimal integer");
        }
        long skew = clock.millis() - timestamp;
        if (Math.abs(skew) > config.signatureWindowMillis()) {
            throw new RequestRejected(
                    RequestRejected.Reason.STALE,
                    Signing.TIMESTAMP_HEADER + " is " + Math.abs(skew)
                            + " ms " + (skew > 0 ? "old" : "in the future") + "; accepted: within "
                            + config.signatureWindowMillis()
                            + " ms of the directory's clock");
        }
        try {
            Signing.verifyRequest(identityKey, path, timestamp, body, signatureHeader.trim());
        } catch (DirectoryException e) {
            throw new RequestRejected(
                    e.kind() == DirectoryException.Kind.BAD_SIGNATURE
                            ? RequestRejected.Reason.BAD_SIGNATURE
                            : RequestRejected.Reason.MALFORMED,
                    e.getMessage());
        }
        return timestamp;
    }
}
