package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import nym.directory.api.AnnouncedAuthorities;
import nym.directory.api.AuthorityAnnouncement;
import nym.directory.api.AuthoritySet;
import nym.directory.api.DirectoryException;
import nym.directory.api.SignedAuthorityAnnouncement;
import nym.directory.domain.authority.AuthorityAnnouncementRepository;
import nym.directory.domain.authority.StoredAnnouncement;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The authorities' announcements (issue 19): accepted only when signed by the key the pinned set holds for the index
 * they name, well-formed, and newer than the one held for that authority; served as signed. Counted as {@code
 * nym_directory_authority_announcements_accepted_total}; refusals are counted by the REST layer with the other refused
 * requests. Logs name the authority index only.
 */
@ApplicationScoped
public class AuthorityAnnouncementService {

    private static final Logger LOG = Logger.getLogger(AuthorityAnnouncementService.class.getName());

    @Inject
    AuthorityAnnouncementRepository announcements;

    @Inject
    AuthorityKeys authorities;

    @Inject
    MetricRegistry metrics;

    /** The directory's clock; tests fix it. */
    Clock clock = Clock.systemUTC();

    /**
     * Checks and stores an announcement.
     *
     * @return the accepted announcement
     * @throws RequestRejected {@code MALFORMED} (not an announcement, a bad field), {@code UNKNOWN_AUTHORITY} (an index
     *     outside the pinned set, or no set), {@code BAD_BODY_SIGNATURE} (not signed by the pinned key of its index),
     *     {@code REPLAYED} (not newer than the one held; nothing changes)
     */
    public AuthorityAnnouncement accept(SignedAuthorityAnnouncement signed) {
        AuthoritySet pinned = authorities
                .authorities()
                .orElseThrow(() -> new RequestRejected(
                        RequestRejected.Reason.UNKNOWN_AUTHORITY,
                        "this directory has no authority set (no network tree configured)"));
        AuthorityAnnouncement announcement = verified(signed, pinned);
        long now = clock.millis();
        AnnouncementRules.check(announcement, now);
        int index = announcement.index();
        if (!announcements.storeIfNewer(new StoredAnnouncement(index, signed, announcement.announcedAtMillis(), now))) {
            throw new RequestRejected(
                    RequestRejected.Reason.REPLAYED,
                    "announcedAtMillis " + announcement.announcedAtMillis()
                            + " is not newer than the announcement held for authority " + index + ": replayed?");
        }
        metrics.counter("nym.directory.authority.announcements.accepted").inc();
        LOG.fine(() -> "accepted the announcement of authority " + index);
        return announcement;
    }

    /**
     * The announcements held that verify under this directory's pinned set, by index: one kept from a set since
     * replaced (another network tree) is not served.
     */
    public AnnouncedAuthorities current() {
        List<SignedAuthorityAnnouncement> valid = authorities
                .authorities()
                .map(pinned -> announcements.all().stream()
                        .map(StoredAnnouncement::signed)
                        .filter(s -> verifies(s, pinned))
                        .toList())
                .orElse(List.of());
        return new AnnouncedAuthorities(valid);
    }

    private static AuthorityAnnouncement verified(SignedAuthorityAnnouncement signed, AuthoritySet pinned) {
        try {
            return signed.verify(pinned);
        } catch (DirectoryException e) {
            RequestRejected.Reason reason = switch (e.kind()) {
                case UNKNOWN_AUTHORITY -> RequestRejected.Reason.UNKNOWN_AUTHORITY;
                case BAD_SIGNATURE, MALFORMED_KEY -> RequestRejected.Reason.BAD_BODY_SIGNATURE;
                default -> RequestRejected.Reason.MALFORMED;
            };
            throw new RequestRejected(reason, e.getMessage());
        }
    }

    private static boolean verifies(SignedAuthorityAnnouncement signed, AuthoritySet pinned) {
        try {
            signed.verify(pinned);
            return true;
        } catch (DirectoryException e) {
            return false;
        }
    }
}
