package nym.issuer.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import nym.issuer.domain.BlindSigner;
import nym.issuer.domain.CredentialRequest;
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
        if (!role.serving()) {
            LOG.fine(() -> "issuer " + role.state() + ", not serving " + request);
            return;
        }
        int authority = role.authority();
        if (credentials.find(authority, request.requestId()).isPresent()) {
            LOG.info(() -> request + " already served by authority " + authority + ": nothing signed");
            return;
        }
        PartialCredential outcome = role.keys(request.keyEpoch())
                .map(keys -> new BlindSigner(keys).sign(request))
                .orElseGet(() -> refusedOrLeftForLater(authority, request));
        credentials.addIfAbsent(outcome);
        metrics.served(outcome);
        LOG.info(() -> outcome.isIssued()
                ? "authority " + authority + " issued a partial credential for " + request
                : "authority " + authority + " refused " + request + ": "
                        + outcome.refusal().orElseThrow());
    }

    /**
     * A request of a key epoch whose share this authority does not hold: refused when it never will (the epoch
     * failed), else thrown back to the adapter (never signed with another epoch's key): the participant installs the
     * epoch's share once it completes, and the redelivered request is signed then.
     */
    private PartialCredential refusedOrLeftForLater(int authority, CredentialRequest request) {
        Optional<String> never = role.neverHeld(request.keyEpoch());
        if (never.isPresent()) {
            return PartialCredential.refused(
                    authority, request, "no share of key epoch " + request.keyEpoch() + ": " + never.get());
        }
        role.want(request.keyEpoch());
        throw new IllegalStateException("authority " + authority + " holds no share of key epoch " + request.keyEpoch()
                + " yet (" + role.state() + "): " + request + " left for later");
    }

    @Override
    public Optional<PartialCredential> partialCredential(String requestId) {
        return role.serving() ? credentials.find(role.authority(), requestId) : Optional.empty();
    }
}
