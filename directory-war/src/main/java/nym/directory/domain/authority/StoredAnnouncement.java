package nym.directory.domain.authority;

import nym.directory.api.SignedAuthorityAnnouncement;

/**
 * The announcement an authority made, as the directory holds it.
 *
 * @param index the authority's 1-based index
 * @param signed the announcement's bytes and signature exactly as the authority made them
 * @param announcedAtMillis the time the authority signed into it
 * @param receivedAtMillis when this directory accepted it
 */
public record StoredAnnouncement(
        int index, SignedAuthorityAnnouncement signed, long announcedAtMillis, long receivedAtMillis) {}
