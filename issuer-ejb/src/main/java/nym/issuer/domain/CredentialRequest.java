package nym.issuer.domain;

import java.util.Objects;

/**
 * A credential request as the ledger recorded it (event {@code credential_request}): the ledger debited
 * {@code value} from {@code requester} and carries the holder's blind-sign payload, opaque to it.
 *
 * @param requestId the request transaction's hash, uppercase hex (the ledger's {@code request_id})
 * @param eventId the event's id on the chain ({@code height/txIndex/eventIndex})
 * @param requester the debited account, {@code 0x…}
 * @param value the debited value: the public attribute the issuer signs
 * @param payload the {@code blind_sign_request} bytes (a {@code nym.credential.BlindSignPayload} if well formed)
 * @param keyEpoch the key epoch whose share must sign it: the latest completed one when the ledger recorded it
 */
public record CredentialRequest(
        String requestId, String eventId, String requester, long value, byte[] payload, long keyEpoch) {
    public CredentialRequest {
        Objects.requireNonNull(requestId);
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(requester);
        Objects.requireNonNull(payload);
        payload = payload.clone();
        if (keyEpoch < 1) {
            throw new IllegalArgumentException("key epochs are numbered from 1");
        }
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public String toString() {
        return "CredentialRequest[" + requestId + " at " + eventId + ", value " + value + ", key epoch " + keyEpoch
                + "]";
    }
}
