package nym.provider.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.security.SecureRandom;
import java.time.Instant;
import nym.provider.application.SpendRefused.Reason;
import nym.provider.domain.nonce.IssuedNonce;
import nym.provider.domain.nonce.NonceRepository;
import nym.provider.domain.provider.Provider;
import nym.provider.domain.provider.ProviderRegistry;

/** Issues the fresh nonces showings are bound to, and uses each one once. */
@ApplicationScoped
public class NonceService {

    private final SecureRandom random = new SecureRandom();

    @Inject
    NonceRepository nonces;

    @Inject
    ProviderRegistry providers;

    @Inject
    ProviderSettings settings;

    /** A new nonce of provider {@code index}; expired unused nonces are swept on the way. */
    @Transactional
    public IssuedNonce issue(int index) {
        Provider provider = provider(providers, index);
        Instant now = settings.clock().instant();
        nonces.deleteExpired(now);
        byte[] nonce = new byte[IssuedNonce.BYTES];
        random.nextBytes(nonce);
        IssuedNonce issued = new IssuedNonce(nonce, provider.index(), now, now.plus(settings.nonceTtl()));
        nonces.save(issued);
        return issued;
    }

    /**
     * Uses the nonce in a transaction of its own, committed before the credential is even checked: a nonce is
     * spent by its first presentation, whatever the outcome.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void use(int provider, byte[] nonce) {
        if (!nonces.use(provider, nonce, settings.clock().instant())) {
            throw new SpendRefused(
                    Reason.NONCE_INVALID,
                    "the nonce was not issued by provider " + provider + ", was used already or expired: ask for a new"
                            + " one and prove the credential over it");
        }
    }

    static Provider provider(ProviderRegistry providers, int index) {
        return providers
                .byIndex(index)
                .orElseThrow(
                        () -> new SpendRefused(Reason.UNKNOWN_PROVIDER, "no provider " + index + " is served here"));
    }
}
