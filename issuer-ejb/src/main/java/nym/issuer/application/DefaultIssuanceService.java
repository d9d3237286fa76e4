package nym.issuer.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import nym.issuer.domain.BlindSigner;
import nym.issuer.domain.CredentialRequest;
import nym.issuer.domain.IssuerKeys;
import nym.issuer.domain.PartialCredential;
import nym.issuer.domain.PartialCredentialRepository;

/**
 * Serves each request once per authority, in the transaction of the event's delivery: the record of an earlier
 * delivery (the MDB's cursor commits in the same transaction, so only a cursor deleted by hand redelivers) means
 * nothing is signed again.
 */
@Stateless
public class DefaultIssuanceService implements IssuanceService {

    private static final Logger LOG = Logger.getLogger(DefaultIssuanceService.class.getName());

    @Inject
    IssuerRole role;

    @Inject
    PartialCredentialRepository credentials;

    @Inject
    IssuerMetrics metrics;

    @Override
    public void onCredentialRequest(CredentialRequest request) {
        if (role.failed()) {
            // Thrown, not skipped: the adapter offers the request again, so a repaired deployment still serves it.
            throw new IllegalStateException("issuer role " + role.state() + ": " + request + " left for later");
        }
        Optional<IssuerKeys> keys = role.keys();
        if (keys.isEmpty()) {
            LOG.fine(() -> "issuer " + role.state() + ", not serving " + request);
            return;
        }
        int authority = keys.get().authority();
        if (credentials.find(authority, request.requestId()).isPresent()) {
            LOG.info(() -> request + " already served by authority " + authority + ": nothing signed");
            return;
        }
        PartialCredential outcome = new BlindSigner(keys.get()).sign(request);
        credentials.addIfAbsent(outcome);
        metrics.served(outcome);
        LOG.info(() -> outcome.isIssued()
                ? "authority " + authority + " issued a partial credential for " + request
                : "authority " + authority + " refused " + request + ": "
                        + outcome.refusal().orElseThrow());
    }

    @Override
    public Optional<PartialCredential> partialCredential(String requestId) {
        return role.keys().flatMap(k -> credentials.find(k.authority(), requestId));
    }
}
