package nym.verifier.domain;

import java.util.Objects;

/** A verifier's judgement of a deposit: accept, or reject and why. */
public record Verdict(boolean accept, String reason) {
    public static final Verdict ACCEPT = new Verdict(true, "credential valid for this provider and value");

    public Verdict {
        Objects.requireNonNull(reason);
    }

    public static Verdict reject(String reason) {
        return new Verdict(false, reason);
    }
}
