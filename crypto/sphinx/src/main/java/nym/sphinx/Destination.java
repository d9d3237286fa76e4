package nym.sphinx;

import java.util.Objects;

/**
 * Where the final hop delivers: the recipient's address and a SURB identifier ({@link SurbId#NONE} for packets that
 * are not replies).
 */
public record Destination(NodeAddress address, SurbId surbId) {

    public Destination {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(surbId, "surbId");
    }

    public static Destination of(NodeAddress address) {
        return new Destination(address, SurbId.NONE);
    }
}
