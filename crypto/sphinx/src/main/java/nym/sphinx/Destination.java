package nym.sphinx;

import java.util.Objects;

/**
 * Where the final hop delivers: the recipient's address. (The identifier the final hop reports with it is chosen by
 * the {@link PacketBuilder}: random for messages, the SURB id for replies.)
 */
public record Destination(NodeAddress address) {

    public Destination {
        Objects.requireNonNull(address, "address");
    }

    public static Destination of(NodeAddress address) {
        return new Destination(address);
    }
}
