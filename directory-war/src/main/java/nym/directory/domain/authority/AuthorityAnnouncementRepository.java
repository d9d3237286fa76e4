package nym.directory.domain.authority;

import java.util.List;

/** The newest announcement of each authority (table {@code authority_announcement}). */
public interface AuthorityAnnouncementRepository {

    /**
     * Stores {@code announcement} if its authority has none yet or only an older one ({@code announcedAtMillis}
     * strictly smaller), in one statement, so two instances racing keep the newest.
     *
     * @return true if stored; false if the one held is as new or newer (a replay), and nothing changed
     */
    boolean storeIfNewer(StoredAnnouncement announcement);

    /** Every authority's announcement, by index. */
    List<StoredAnnouncement> all();
}
