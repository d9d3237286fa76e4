package nym.provider.interfaces.rest;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nym.coconut.Token;
import nym.provider.application.SpendStatusService.SpendStatus;
import nym.provider.domain.ledger.Ledger;
import nym.provider.domain.nonce.IssuedNonce;
import nym.provider.domain.provider.Provider;
import nym.provider.domain.spend.Spend;

/** The JSON answers of the API (snake_case members, hex byte strings, ISO-8601 instants). */
final class Views {

    private Views() {}

    /** A provider: its index and address, which is also the binding its credentials must be proven for. */
    public record ProviderView(int index, String address, String binding, List<Integer> values) {
        static ProviderView of(Provider p) {
            return new ProviderView(
                    p.index(),
                    p.address(),
                    p.address(),
                    Token.VALUES.stream().sorted().toList());
        }
    }

    /** A fresh nonce: prove the credential over these bytes (hex) and this binding, before {@code expires_at}. */
    public record NonceView(
            String nonce,
            int provider,
            String binding,
            @JsonbProperty("expires_at") String expiresAt) {
        static NonceView of(IssuedNonce n, Provider p) {
            return new NonceView(
                    HexFormat.of().formatHex(n.nonce()),
                    p.index(),
                    p.address(),
                    n.expiresAt().toString());
        }
    }

    /**
     * An accepted spend and its deposit: {@code status} submitted while the ledger's answer to the deposit was lost
     * ({@code deposit_id} is its tx hash, {@code deposit_height} 0), pending until the verifiers' threshold settles
     * it accepted or rejected, failed if it was never redeemed; {@code accepts}/{@code rejects} are the votes so far (absent once settled here).
     */
    public record SpendView(
            String zeta,
            int provider,
            long value,
            @JsonbProperty("deposit_id") String depositId,
            @JsonbProperty("deposit_height") long depositHeight,
            String status,
            @JsonbProperty("accepted_at") String acceptedAt,
            @JsonbProperty("settled_at") String settledAt,
            Integer accepts,
            Integer rejects) {

        static SpendView of(Spend s) {
            return of(s, Optional.empty());
        }

        static SpendView of(SpendStatus status) {
            return of(status.spend(), status.onLedger());
        }

        private static SpendView of(Spend s, Optional<Ledger.DepositState> onLedger) {
            return new SpendView(
                    HexFormat.of().formatHex(s.zeta()),
                    s.provider(),
                    s.value(),
                    s.depositId(),
                    s.depositHeight(),
                    s.status().wire(),
                    s.acceptedAt().toString(),
                    s.settledAt() == null ? null : s.settledAt().toString(),
                    onLedger.map(Ledger.DepositState::accepts).orElse(null),
                    onLedger.map(Ledger.DepositState::rejects).orElse(null));
        }
    }
}
