package nym.provider.application;

/** Where the provider's {@link CredentialCheck} comes from (the tree's parameters, the ledger's keys per key epoch). */
public interface CredentialKeys {

    /**
     * The check under the group key of each credential's key epoch.
     *
     * @throws SpendRefused with {@link SpendRefused.Reason#NOT_CONFIGURED} if this deployment has no network tree
     */
    CredentialCheck credentialCheck();
}
