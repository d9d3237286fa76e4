package nym.issuer.domain;

import java.util.Optional;

/** The issuers' record of what they did with each request, shared by every instance (one row per authority). */
public interface PartialCredentialRepository {

    Optional<PartialCredential> find(int authority, String requestId);

    /** Stores it unless this authority already has a record of the request; true if it was stored. */
    boolean addIfAbsent(PartialCredential credential);
}
