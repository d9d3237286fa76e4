package nym.issuer.application;

import nym.issuer.domain.PartialCredential;

/** What this issuer did, counted for operators (MicroProfile Metrics in the server, a recorder in tests). */
public interface IssuerMetrics {

    /** A request was served for the first time: signed or refused. */
    void served(PartialCredential outcome);
}
