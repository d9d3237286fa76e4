package nym.link;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * How one side runs a link. {@code kind} names the link kind (e.g. {@code "mix"}, {@code "client"}) and goes into the
 * Noise prologue, so a handshake meant for one kind of listener fails at another. Cell sizes are this side's view:
 * {@code inboundCellSize} is what the peer sends us, {@code outboundCellSize} what we send; the peer's settings are
 * the {@link #mirrored()} ones. After every {@code rekeyInterval} cells in a direction both sides rekey that
 * direction. Up to {@code maxPendingCells} cells written before the handshake completes are held and sent once it
 * does; more are refused ({@link LinkException.Kind#PENDING_FULL}).
 */
public record LinkSettings(
        String kind,
        int inboundCellSize,
        int outboundCellSize,
        Duration handshakeTimeout,
        long rekeyInterval,
        int maxPendingCells) {

    /** The largest cell: a frame body (cell + tag) must fit the 16-bit length prefix and Noise's 65,535-byte limit. */
    public static final int MAX_CELL_SIZE = LinkFrames.MAX_BODY - LinkFrames.TAG_BYTES;

    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_REKEY_INTERVAL = 1L << 16;
    public static final int DEFAULT_MAX_PENDING_CELLS = 1024;

    public LinkSettings {
        Objects.requireNonNull(kind, "kind");
        if (kind.isEmpty() || kind.getBytes(StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("a link kind has 1 to 64 bytes");
        }
        if (inboundCellSize < 1
                || inboundCellSize > MAX_CELL_SIZE
                || outboundCellSize < 1
                || outboundCellSize > MAX_CELL_SIZE) {
            throw new IllegalArgumentException("cell sizes must be 1.." + MAX_CELL_SIZE);
        }
        if (handshakeTimeout == null || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("the handshake timeout must be positive");
        }
        if (rekeyInterval < 1) {
            throw new IllegalArgumentException("the rekey interval must be at least one cell");
        }
        if (maxPendingCells < 0) {
            throw new IllegalArgumentException("the pending cell bound must not be negative");
        }
    }

    /** Settings with the default handshake timeout (10 s), rekey interval (2^16 cells) and pending bound (1024). */
    public static LinkSettings of(String kind, int inboundCellSize, int outboundCellSize) {
        return new LinkSettings(
                kind,
                inboundCellSize,
                outboundCellSize,
                DEFAULT_HANDSHAKE_TIMEOUT,
                DEFAULT_REKEY_INTERVAL,
                DEFAULT_MAX_PENDING_CELLS);
    }

    /** The peer's view: cell sizes swapped, the rest equal. */
    public LinkSettings mirrored() {
        return new LinkSettings(
                kind, outboundCellSize, inboundCellSize, handshakeTimeout, rekeyInterval, maxPendingCells);
    }

    public LinkSettings withHandshakeTimeout(Duration timeout) {
        return new LinkSettings(kind, inboundCellSize, outboundCellSize, timeout, rekeyInterval, maxPendingCells);
    }

    public LinkSettings withRekeyInterval(long cells) {
        return new LinkSettings(kind, inboundCellSize, outboundCellSize, handshakeTimeout, cells, maxPendingCells);
    }

    public LinkSettings withMaxPendingCells(int cells) {
        return new LinkSettings(kind, inboundCellSize, outboundCellSize, handshakeTimeout, rekeyInterval, cells);
    }

    /** The Noise prologue: binds the protocol version and the link kind into the handshake hash. */
    byte[] prologue() {
        return (LinkFrames.PROLOGUE_LABEL + kind).getBytes(StandardCharsets.UTF_8);
    }
}
