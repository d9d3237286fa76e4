package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nym.directory.api.AuthorityAnnouncement;
import nym.directory.api.AuthorityLedgers;
import nym.directory.api.SignedAuthorityAnnouncement;

/**
 * The ledger height of each announced authority's validator, for the dashboard. All validators are asked at once and
 * the answer is reused for {@link #REUSE_MILLIS}, so a page polling every few seconds on each instance costs each
 * validator one /status per instance per period, and a validator that is down costs at most the probe's timeout.
 */
@ApplicationScoped
public class AuthorityLedgerService {

    static final long REUSE_MILLIS = 5_000;

    /** Backstop over the probe's own timeout: a probe that never completes still yields "unreachable". */
    long waitMillis = 4_000;

    @Inject
    AuthorityAnnouncementService announcements;

    @Inject
    LedgerHeightProbe probe;

    Clock clock = Clock.systemUTC();

    private AuthorityLedgers held;

    public synchronized AuthorityLedgers current() {
        long now = clock.millis();
        if (held == null || now - held.checkedAt() >= REUSE_MILLIS) {
            held = ask(now);
        }
        return held;
    }

    private AuthorityLedgers ask(long now) {
        List<AuthorityAnnouncement> authorities = announcements.current().authorities().stream()
                .map(SignedAuthorityAnnouncement::unverified)
                .toList();
        List<CompletableFuture<Long>> heights = authorities.stream()
                .map(a -> probe.latestHeight(a.ledgerRpc()).orTimeout(waitMillis, TimeUnit.MILLISECONDS))
                .toList();
        List<AuthorityLedgers.Ledger> ledgers = new ArrayList<>();
        for (int i = 0; i < authorities.size(); i++) {
            ledgers.add(ledger(authorities.get(i), heights.get(i)));
        }
        return new AuthorityLedgers(now, ledgers);
    }

    private AuthorityLedgers.Ledger ledger(AuthorityAnnouncement a, CompletableFuture<Long> height) {
        try {
            return new AuthorityLedgers.Ledger(a.index(), a.ledgerRpc(), height.join(), null);
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String why = cause instanceof TimeoutException
                    ? "no answer within " + waitMillis + " ms"
                    : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return new AuthorityLedgers.Ledger(a.index(), a.ledgerRpc(), null, "unreachable: " + why);
        }
    }
}
