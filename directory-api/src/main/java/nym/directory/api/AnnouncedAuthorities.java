package nym.directory.api;

import java.util.List;

/**
 * {@code GET /api/authorities}: the newest announcement the directory holds from each authority, by index, exactly as
 * signed. The directory checked each when it arrived, but a reader checks them again
 * ({@link SignedAuthorityAnnouncement#verify}) against its own pinned set rather than trusting the directory.
 *
 * @param authorities one per authority that has announced itself, in index order
 */
public record AnnouncedAuthorities(List<SignedAuthorityAnnouncement> authorities) {

    public AnnouncedAuthorities {
        authorities = authorities == null ? List.of() : List.copyOf(authorities);
    }
}
