package nym.provider.application;

/** Where the provider's {@link CredentialCheck} comes from (the network tree's Coconut files). */
public interface CredentialKeys {

    /**
     * The check under the network's aggregated key.
     *
     * @throws SpendRefused with {@link SpendRefused.Reason#NOT_CONFIGURED} if this deployment has no network tree
     */
    CredentialCheck credentialCheck();
}
