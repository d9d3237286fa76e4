package nym.provider.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import nym.credential.DepositPayload;
import nym.credential.ProviderAddress;
import nym.provider.application.SpendRefused.Reason;
import nym.provider.domain.ledger.Ledger;
import nym.provider.domain.ledger.LedgerUnavailable;
import nym.provider.domain.provider.Provider;
import nym.provider.domain.provider.ProviderRegistry;
import nym.provider.domain.spend.Spend;

/**
 * Accepts or refuses a spend (DESIGN.md section 4, step 7), cheapest checks first: the provider and its binding, the
 * nonce (used up here, whatever follows), the credential's key epoch and the credential under its key, ζ on the
 * ledger, then ζ in the
 * shared database together with the deposit ({@link DepositSubmitter}).
 */
@ApplicationScoped
public class SpendService {

    @Inject
    ProviderRegistry providers;

    @Inject
    NonceService nonces;

    @Inject
    CredentialKeys keys;

    @Inject
    Ledger ledger;

    @Inject
    DepositSubmitter deposits;

    /** The accepted spend with its deposit pending on the ledger; refusals throw {@link SpendRefused}. */
    public Spend spend(SpendRequest request) {
        Provider provider = NonceService.provider(providers, request.provider());
        if (!Arrays.equals(request.binding(), provider.binding())) {
            throw new SpendRefused(
                    Reason.WRONG_PROVIDER,
                    "the spend is bound to " + ProviderAddress.format(request.binding()) + ", not to this provider ("
                            + provider.address() + ")");
        }
        CredentialCheck check = keys.credentialCheck();
        CredentialCheck.publicAttributes(request.value()); // a value no token has is refused before the nonce is used
        nonces.use(provider.index(), request.nonce());
        check.check(request.keyEpoch(), request.theta(), request.value(), provider.binding(), request.nonce());
        DepositPayload payload = new DepositPayload(request.keyEpoch(), request.nonce(), request.theta());
        requireUnspentOnLedger(payload);
        return deposits.submit(provider, request, payload);
    }

    private void requireUnspentOnLedger(DepositPayload payload) {
        Ledger.ZetaState state;
        try {
            state = ledger.zeta(payload.zeta());
        } catch (LedgerUnavailable e) {
            throw new SpendRefused(
                    Reason.LEDGER_UNAVAILABLE, "the ledger cannot be reached to check ζ: " + e.getMessage(), e);
        }
        if (!state.unspent()) {
            throw new SpendRefused(
                    Reason.DOUBLE_SPEND,
                    "this credential (ζ " + payload.zetaHex() + ") is " + state.status() + " on the ledger already");
        }
    }
}
