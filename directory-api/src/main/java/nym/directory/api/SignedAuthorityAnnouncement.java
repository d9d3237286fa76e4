package nym.directory.api;

/**
 * An {@link AuthorityAnnouncement} as its exact signed bytes (unpadded base64url, so no JSON canonicalisation has to
 * be agreed on) with the authority's Ed25519 signature over {@code "nym-authority-announcement-v1" LF bytes}
 * ({@link Signing#authorityAnnouncementMessage}). The directory stores and serves it unchanged, so a reader checks it
 * against its own pinned {@link AuthoritySet} with {@link #verify}.
 *
 * @param announcement the canonical JSON bytes of the announcement, unpadded base64url
 * @param signature the announcing authority's signature, unpadded base64url
 */
public record SignedAuthorityAnnouncement(String announcement, String signature) {

    /** {@code announcement} signed by {@code authority}, which should be the key the set pins for its index. */
    public static SignedAuthorityAnnouncement sign(AuthorityAnnouncement announcement, Ed25519Identity authority) {
        byte[] bytes = announcement.canonicalBytes();
        return new SignedAuthorityAnnouncement(
                Keys.encode(bytes), Keys.encode(authority.sign(Signing.authorityAnnouncementMessage(bytes))));
    }

    /**
     * The signed bytes.
     *
     * @throws DirectoryException {@code JSON} if {@code announcement} is missing or not base64url
     */
    public byte[] announcementBytes() {
        return Signing.signedBytes(announcement, "announcement");
    }

    /** The announcement, parsed without any signature check. */
    public AuthorityAnnouncement unverified() {
        return Json.read(announcementBytes(), AuthorityAnnouncement.class);
    }

    /**
     * The announcement, once it is shown to come from the authority it names: its index is in {@code pinned}, it names
     * that index's pinned key, and the signature verifies under that key.
     *
     * @throws DirectoryException {@code JSON} for bytes that are not an announcement, {@code UNKNOWN_AUTHORITY} for an
     *     index outside the set, {@code BAD_SIGNATURE} for another key or a signature that does not verify
     */
    public AuthorityAnnouncement verify(AuthoritySet pinned) {
        byte[] bytes = announcementBytes();
        AuthorityAnnouncement parsed = Json.read(bytes, AuthorityAnnouncement.class);
        int index = parsed.index();
        if (index < 1 || index > pinned.keys().size()) {
            throw new DirectoryException(
                    DirectoryException.Kind.UNKNOWN_AUTHORITY,
                    "no authority " + index + " in the pinned set of "
                            + pinned.keys().size());
        }
        String key = pinned.keys().get(index - 1);
        if (!key.equals(parsed.directoryKey())) {
            throw new DirectoryException(
                    DirectoryException.Kind.BAD_SIGNATURE,
                    "the announcement names a directoryKey that is not the pinned key of authority " + index);
        }
        if (!Signing.verifies(key, Signing.authorityAnnouncementMessage(bytes), signature)) {
            throw new DirectoryException(
                    DirectoryException.Kind.BAD_SIGNATURE,
                    "the signature does not verify under the pinned key of authority " + index);
        }
        return parsed;
    }
}
