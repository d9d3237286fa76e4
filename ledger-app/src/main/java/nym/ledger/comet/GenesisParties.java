package nym.ledger.comet;

import java.util.List;

/**
 * Who a genesis registers: the pipe account, the authorities of each role (one threshold for all three roles, as the
 * localnet and the tests run them), the Coconut aggregated verification key and parameters (opaque to the ledger),
 * the service providers allowed to deposit credentials, and funded accounts. Addresses are 20 bytes.
 */
public record GenesisParties(
        byte[] pipeAccount,
        int threshold,
        List<byte[]> watchers,
        List<Issuer> issuers,
        List<byte[]> verifiers,
        List<byte[]> providers,
        byte[] coconutVerificationKey,
        byte[] coconutParams,
        List<Account> accounts) {

    /** An issuer: its ledger address and its Coconut verification key share (opaque). */
    public record Issuer(byte[] address, byte[] verificationKey) {}

    /** A funded account at genesis. */
    public record Account(byte[] address, long balance) {}
}
