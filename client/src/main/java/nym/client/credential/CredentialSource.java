package nym.client.credential;

import java.util.function.Consumer;

/**
 * What paying a gateway needs from the credential flow beyond the wallet: the keys a credential is shown under, and a
 * new credential when the wallet holds none. {@link CredentialFlow} is the real one.
 */
public interface CredentialSource {

    /** The keys of a completed key epoch, from the ledger. */
    NetworkKeys keysOf(long keyEpoch);

    /** A new collected credential, stored in the wallet; {@code notes} hears of the steps. */
    StoredCredential obtain(Consumer<String> notes);
}
