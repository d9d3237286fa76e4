package nym.directory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nym.directory.api.AnnouncedAuthorities;
import nym.directory.api.AuthorityAnnouncement;
import nym.directory.api.AuthorityLedgers;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.SignedAuthorityAnnouncement;
import org.junit.jupiter.api.Test;

/** Each announced authority's validator height; one that is down is "unreachable"; answers reused for 5 s. */
class AuthorityLedgerServiceTest {

    private final List<String> asked = new ArrayList<>();
    private final SteppedClock clock = new SteppedClock(1_800_000_000_000L);
    private final AuthorityLedgerService service = new AuthorityLedgerService();

    AuthorityLedgerServiceTest() {
        service.announcements = new AuthorityAnnouncementService() {
            @Override
            public AnnouncedAuthorities current() {
                return new AnnouncedAuthorities(List.of(signed(1, "http://v1:26657"), signed(2, "http://v2:26657")));
            }
        };
        service.probe = rpc -> {
            asked.add(rpc);
            return rpc.contains("v1")
                    ? CompletableFuture.completedFuture(4711L)
                    : CompletableFuture.failedFuture(new ConnectException("Connection refused"));
        };
        service.clock = clock;
    }

    @Test
    void current_oneUpOneDown_heightAndUnreachable() {
        AuthorityLedgers l = service.current();

        assertEquals(clock.millis(), l.checkedAt());
        assertEquals(
                new AuthorityLedgers.Ledger(1, "http://v1:26657", 4711L, null),
                l.ledgers().get(0));
        AuthorityLedgers.Ledger down = l.ledgers().get(1);
        assertEquals(2, down.index());
        assertNull(down.height());
        assertEquals("unreachable: ConnectException: Connection refused", down.error());
    }

    @Test
    void current_probeThatNeverAnswers_unreachableAfterTheBackstop() {
        service.probe = rpc -> new CompletableFuture<>();
        service.waitMillis = 1;

        AuthorityLedgers l = service.current();

        assertTrue(l.ledgers().stream().allMatch(x -> x.height() == null), l.toString());
        assertEquals("unreachable: no answer within 1 ms", l.ledgers().get(0).error());
    }

    @Test
    void current_within5s_reusedThenAskedAgain() {
        service.current();
        clock.advance(4_999);
        service.current();
        assertEquals(2, asked.size());

        clock.advance(1);
        service.current();
        assertEquals(4, asked.size());
    }

    private static SignedAuthorityAnnouncement signed(int index, String rpc) {
        Ed25519Identity key = Ed25519Identity.generate();
        return SignedAuthorityAnnouncement.sign(
                new AuthorityAnnouncement(
                        index,
                        key.publicKeyText(),
                        rpc,
                        "http://issuer" + index + "/issuer/api",
                        "0x" + "1".repeat(40),
                        "0x" + "2".repeat(40),
                        "0x" + "3".repeat(40),
                        null,
                        1_800_000_000_000L),
                key);
    }
}
