package nym.sphinx;

import java.util.Objects;

/** A new SURB ({@link #surb()}, to hand to the peer) and the secret its creator keeps to open the reply. */
public record SurbPair(Surb surb, SurbSecret secret) {
    public SurbPair {
        Objects.requireNonNull(surb, "surb");
        Objects.requireNonNull(secret, "secret");
    }
}
