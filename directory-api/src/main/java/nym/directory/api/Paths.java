package nym.directory.api;

/** The directory's paths, relative to its base URL. */
public final class Paths {

    public static final String HEALTHCHECK = "/api/healthcheck";
    public static final String MIXNODES = "/api/presence/mixnodes";
    public static final String GATEWAYS = "/api/presence/gateways";
    public static final String VALIDATORS = "/api/presence/validators";
    /** The registry's live view of nodes with recent heartbeats: for operators, not signed, not for routing. */
    public static final String TOPOLOGY = "/api/presence/topology";
    /** A node's signed leave notice ({@link LeaveNotice}). */
    public static final String LEAVE = "/api/presence/leave";

    /** Signed epoch documents: {@code /api/epochs/{epoch}}, {@link #EPOCH_CURRENT}, {@link #EPOCH_NEXT}. */
    public static final String EPOCHS = "/api/epochs";
    /** The document of the epoch running now. */
    public static final String EPOCH_CURRENT = "/api/epochs/current";
    /** The document of the next epoch, once the authorities have built it (404 before). */
    public static final String EPOCH_NEXT = "/api/epochs/next";
    /** The authority keys and threshold this directory is configured with ({@link AuthoritySet}): pin them out of band. */
    public static final String AUTHORITIES = "/api/epochs/authorities";

    /**
     * Every authority's latest {@link SignedAuthorityAnnouncement} ({@link AnnouncedAuthorities}): check each against
     * the pinned {@link AuthoritySet} before using its endpoints.
     */
    public static final String AUTHORITY_ANNOUNCEMENTS = "/api/authorities";
    /** Where an authority posts its {@link SignedAuthorityAnnouncement}. */
    public static final String ANNOUNCE = "/api/authorities/announce";

    public static final String MIX_METRICS = "/api/metrics/mixes";
    /** Operator endpoints: {@code PUT|DELETE /api/admin/bans/{identityKey}}. */
    public static final String BANS = "/api/admin/bans";
    /** Operator endpoints when admission is operator-approved: {@code PUT|DELETE /api/admin/approvals/{identityKey}}. */
    public static final String APPROVALS = "/api/admin/approvals";
    /** Read-only WebSocket of accepted metrics reports. */
    public static final String METRICS_STREAM = "/ws";

    private Paths() {}
}
