package nym.directory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nym.directory.api.AuthorityAnnouncement;
import nym.directory.api.testing.TestAuthorities;
import org.junit.jupiter.api.Test;

class AnnouncementRulesTest {

    private static final long NOW = 1_764_921_600_000L;
    private final AuthorityAnnouncement good = TestAuthorities.threeOfWhichTwo().announcement(1, NOW);

    @Test
    void check_wellFormed_passes() {
        AnnouncementRules.check(good, NOW);
        AnnouncementRules.check(with("https://[::1]:8443/issuer/api", good.issuerAddress(), good.dkgKey()), NOW);
        AnnouncementRules.check(with(good.issuerUrl(), good.issuerAddress(), null), NOW);
    }

    @Test
    void check_urlNotHttpWithQueryOrUserOrTooLong_refusedNamingIssuerUrl() {
        for (String url : new String[] {
            "ftp://h/issuer/api",
            "http://h/issuer/api?x=1",
            "http://user@h/issuer/api",
            "http://h/issuer/api#top",
            "/issuer/api",
            "http://h/" + "a".repeat(AnnouncementRules.MAX_URL_CHARS),
            "http://h /issuer"
        }) {
            assertRefused("issuerUrl", with(url, good.issuerAddress(), good.dkgKey()));
        }
    }

    @Test
    void check_addressNotZeroXAndFortyHex_refusedNamingIt() {
        for (String address : new String[] {"0x1234", "1".repeat(42), "0x" + "g".repeat(40), null}) {
            assertRefused("issuerAddress", with(good.issuerUrl(), address, good.dkgKey()));
        }
    }

    @Test
    void check_dkgKeyNotNinetySixLowercaseHex_refused() {
        for (String dkg : new String[] {"AB".repeat(48), "ab".repeat(47), "ab".repeat(49), ""}) {
            assertRefused("dkgKey", with(good.issuerUrl(), good.issuerAddress(), dkg));
        }
    }

    private AuthorityAnnouncement with(String issuerUrl, String issuerAddress, String dkgKey) {
        return new AuthorityAnnouncement(
                good.index(),
                good.directoryKey(),
                good.ledgerRpc(),
                issuerUrl,
                issuerAddress,
                good.watcherAddress(),
                good.verifierAddress(),
                dkgKey,
                good.announcedAtMillis());
    }

    private static void assertRefused(String field, AuthorityAnnouncement a) {
        RequestRejected e = assertThrows(RequestRejected.class, () -> AnnouncementRules.check(a, NOW));
        assertEquals(RequestRejected.Reason.MALFORMED, e.reason());
        assertTrue(e.getMessage().startsWith(field), e.getMessage());
    }
}
