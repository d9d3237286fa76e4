package nym.directory.api;

/**
 * What a topology authority says about itself (issue 19): where to reach its roles and which keys they use. Signed by
 * the authority's own directory key ({@link SignedAuthorityAnnouncement}), so anyone pinning the {@link AuthoritySet}
 * can trust it without trusting the directory that serves it. The verifier has no HTTP API: it votes on the ledger,
 * where {@code verifierAddress} names its votes.
 *
 * @param index the authority's 1-based index in the pinned set (Payara instance i is authority i)
 * @param directoryKey its Ed25519 directory key, unpadded base64url: the pinned key of {@code index}
 * @param ledgerRpc the CometBFT RPC URL its roles use (its own validator first), e.g. {@code http://127.0.0.1:26657}
 * @param issuerUrl the base URL of its issuer's REST API, e.g. {@code http://host:28080/issuer/api}
 * @param issuerAddress its issuer account on the ledger, {@code 0x} + 40 hex (the address genesis registers)
 * @param watcherAddress its Ethereum watcher's ledger address, {@code 0x} + 40 hex
 * @param verifierAddress its verifier's ledger address, {@code 0x} + 40 hex
 * @param dkgKey its DKG public key (the {@code dkg_key} of its {@code authority.toml} and of genesis), lowercase hex;
 *     null where the tree has none yet
 * @param announcedAtMillis when it was made, ms since the Unix epoch: a directory keeps only the newest per authority
 */
public record AuthorityAnnouncement(
        int index,
        String directoryKey,
        String ledgerRpc,
        String issuerUrl,
        String issuerAddress,
        String watcherAddress,
        String verifierAddress,
        String dkgKey,
        long announcedAtMillis) {

    /** The bytes the authority signs: its JSON as written by {@link Json}. */
    public byte[] canonicalBytes() {
        return Json.write(this);
    }
}
