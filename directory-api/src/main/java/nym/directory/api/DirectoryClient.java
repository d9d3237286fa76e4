package nym.directory.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node's (or a client's) view of the directory over {@code java.net.http}: signed presence and metrics posts, the
 * epoch documents and the authorities' announcements (unchecked: the caller checks them against its pinned
 * {@link AuthoritySet}). Thread-safe.
 */
public final class DirectoryClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final Ed25519Identity identity;
    private final HttpClient http;
    private final Clock clock;
    private final AtomicLong lastTimestamp = new AtomicLong();

    /**
     * @param base the directory's base URL, e.g. {@code http://127.0.0.1:28080}
     * @param identity the node's identity key; null for a client that only reads
     */
    public DirectoryClient(URI base, Ed25519Identity identity) {
        this(base, identity, HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), Clock.systemUTC());
    }

    public DirectoryClient(URI base, Ed25519Identity identity, HttpClient http, Clock clock) {
        this.base = base;
        this.identity = identity;
        this.http = http;
        this.clock = clock;
    }

    public void postMixnode(MixnodePresence presence) {
        postSigned(Paths.MIXNODES, Json.write(presence));
    }

    public void postGateway(GatewayPresence presence) {
        postSigned(Paths.GATEWAYS, Json.write(presence));
    }

    public void postValidator(ValidatorPresence presence) {
        postSigned(Paths.VALIDATORS, Json.write(presence));
    }

    public void postMetrics(MixMetrics metrics) {
        postSigned(Paths.MIX_METRICS, Json.write(metrics));
    }

    /** Tells the directory this node is leaving: it is left out of the next epoch's document. */
    public void postLeave(LeaveNotice notice) {
        postSigned(Paths.LEAVE, Json.write(notice));
    }

    /**
     * The authority keys and threshold the directory says it is configured with: trust on first use only. Pin them
     * from the network tree ({@link AuthoritySet#TREE_FILE}) where the directory is not trusted.
     */
    public AuthoritySet authorities() {
        return AuthoritySet.parse(new String(send(get(Paths.AUTHORITIES)).body(), StandardCharsets.UTF_8));
    }

    /**
     * The announcement the directory holds from each authority, unchecked: check each with
     * {@link SignedAuthorityAnnouncement#verify} against the pinned set before using its endpoints.
     */
    public AnnouncedAuthorities announcedAuthorities() {
        return Json.read(send(get(Paths.AUTHORITY_ANNOUNCEMENTS)).body(), AnnouncedAuthorities.class);
    }

    /**
     * Posts an authority's announcement. It carries its own signature, so the request is not signed and needs no
     * identity; the directory refuses it unless it is newer than the one it holds for that authority (409).
     */
    public void announce(SignedAuthorityAnnouncement announcement) {
        send(HttpRequest.newBuilder(base.resolve(Paths.ANNOUNCE))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(announcement)))
                .build());
    }

    /** The document of the epoch running now, unchecked: check it with {@link TrustedEpochs}. */
    public SignedEpochDocument currentEpoch() {
        return Json.read(send(get(Paths.EPOCH_CURRENT)).body(), SignedEpochDocument.class);
    }

    /** The next epoch's document, unchecked; empty while the authorities have not built it. */
    public Optional<SignedEpochDocument> nextEpoch() {
        try {
            return Optional.of(Json.read(send(get(Paths.EPOCH_NEXT)).body(), SignedEpochDocument.class));
        } catch (DirectoryException e) {
            if (e.kind() == DirectoryException.Kind.HTTP_STATUS && e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Signs and posts {@code body} to {@code path}; returns the answer's status (2xx) or throws. */
    public int postSigned(String path, byte[] body) {
        if (identity == null) {
            throw new IllegalStateException("this client has no identity key");
        }
        long timestamp = nextTimestamp();
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(Signing.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(Signing.SIGNATURE_HEADER, Signing.signRequest(identity, path, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return send(request).statusCode();
    }

    /** Milliseconds, strictly increasing for this client: the directory refuses a timestamp it has already seen. */
    private long nextTimestamp() {
        long now = clock.millis();
        return lastTimestamp.updateAndGet(last -> Math.max(last + 1, now));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build();
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new DirectoryException(DirectoryException.Kind.IO, request.uri() + ": " + e.getMessage(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryException(DirectoryException.Kind.IO, request.uri() + ": interrupted", 0, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DirectoryException(
                    DirectoryException.Kind.HTTP_STATUS,
                    request.method() + " " + request.uri().getPath() + " answered " + response.statusCode() + ": "
                            + new String(response.body(), StandardCharsets.UTF_8),
                    response.statusCode(),
                    null);
        }
        return response;
    }
}
