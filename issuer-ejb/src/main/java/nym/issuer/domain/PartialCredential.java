package nym.issuer.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What one authority did with one credential request: issued a blinded signature share σ̃_i (Coconut text form),
 * or refused it and why. Exactly one of the two is present. {@code keyEpoch} is the request's: the key epoch whose
 * share signed it (or would have); 0 only for records written before key epochs existed.
 */
public record PartialCredential(
        int authority,
        String requestId,
        String eventId,
        String requester,
        long value,
        long keyEpoch,
        Optional<String> blindedSignature,
        Optional<String> refusal) {

    public PartialCredential {
        Objects.requireNonNull(requestId);
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(requester);
        if (blindedSignature.isPresent() == refusal.isPresent()) {
            throw new IllegalArgumentException("a partial credential is either issued or refused");
        }
    }

    public static PartialCredential issued(int authority, CredentialRequest request, String blindedSignature) {
        return new PartialCredential(
                authority,
                request.requestId(),
                request.eventId(),
                request.requester(),
                request.value(),
                request.keyEpoch(),
                Optional.of(blindedSignature),
                Optional.empty());
    }

    public static PartialCredential refused(int authority, CredentialRequest request, String reason) {
        return new PartialCredential(
                authority,
                request.requestId(),
                request.eventId(),
                request.requester(),
                request.value(),
                request.keyEpoch(),
                Optional.empty(),
                Optional.of(reason));
    }

    public boolean isIssued() {
        return blindedSignature.isPresent();
    }
}
