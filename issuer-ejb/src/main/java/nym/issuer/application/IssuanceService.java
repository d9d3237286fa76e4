package nym.issuer.application;

import java.util.Optional;
import nym.issuer.domain.CredentialRequest;
import nym.issuer.domain.PartialCredential;

/** The issuer role: serves the ledger's credential requests and answers what it did with them. */
public interface IssuanceService {

    /**
     * Blind-signs a request the ledger recorded, once: a request this authority already served (or refused) is left
     * as it is. An idle role ignores it.
     */
    void onCredentialRequest(CredentialRequest request);

    /** This authority's record of the request (issued or refused), empty when it has none (yet). */
    Optional<PartialCredential> partialCredential(String requestId);
}
