package nym.ledger.comet;

import java.util.List;

/**
 * Who a genesis registers: the pipe account, the authorities of each role (one threshold for all three roles, as the
 * localnet and the tests run them), the Coconut parameters the key epochs' DKG deals for, the DKG's schedule, the
 * service providers allowed to deposit credentials (gateways too: they redeem the credentials clients spend there), the
 * mixnet bandwidth a gateway grants per NYM, and funded accounts. Addresses are 20 bytes.
 */
public record GenesisParties(
        byte[] pipeAccount,
        int threshold,
        List<byte[]> watchers,
        List<Issuer> issuers,
        List<byte[]> verifiers,
        List<byte[]> providers,
        byte[] coconutParams,
        DkgSchedule dkgSchedule,
        long bandwidthBytesPerNym,
        List<Account> accounts) {

    /**
     * An issuer: its ledger address (it signs its DKG transactions with that account) and its DKG encryption key
     * (48 bytes, {@code nym.coconut.dkg.DkgPublicKey}). Its index is its position in the list + 1.
     */
    public record Issuer(byte[] address, byte[] dkgKey) {}

    /** A funded account at genesis. */
    public record Account(byte[] address, long balance) {}

    /**
     * How long a key epoch's phases last, in blocks, and how often the issuing key is renewed (0: never); see
     * {@code nym.ledger.state.KeyEpochs}.
     */
    public record DkgSchedule(long dealingBlocks, long complaintBlocks, long rotationBlocks) {
        /** What localnet runs (and the genesis defaults): 10 blocks of dealing, 10 of complaints, no rotation. */
        public static final DkgSchedule LOCALNET = new DkgSchedule(10, 10, 0);
    }
}
