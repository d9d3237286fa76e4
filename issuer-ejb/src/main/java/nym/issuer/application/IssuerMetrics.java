package nym.issuer.application;

import nym.issuer.domain.PartialCredential;

/** What this issuer did, counted for operators (MicroProfile Metrics in the server, a recorder in tests). */
public interface IssuerMetrics {

    /** A request was served for the first time: signed or refused. */
    void served(PartialCredential outcome);

    /** The latest key epoch the ledger reported. */
    void keyEpoch(long number);

    /** The ledger accepted this authority's dealing. */
    void dealt();

    /** The ledger accepted this authority's complaint against a dealer. */
    void complained();

    /** This authority installed its share of a completed key epoch. */
    void installed(long keyEpoch);
}
