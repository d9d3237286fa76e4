package nym.directory.api;

/** The directory's paths, relative to its base URL. */
public final class Paths {

    public static final String HEALTHCHECK = "/api/healthcheck";
    public static final String MIXNODES = "/api/presence/mixnodes";
    public static final String GATEWAYS = "/api/presence/gateways";
    public static final String VALIDATORS = "/api/presence/validators";
    public static final String TOPOLOGY = "/api/presence/topology";
    /** The directory's Ed25519 public key, which signs every topology. */
    public static final String DIRECTORY_KEY = "/api/presence/directory-key";

    public static final String MIX_METRICS = "/api/metrics/mixes";
    /** Operator endpoints: {@code PUT|DELETE /api/admin/bans/{identityKey}}. */
    public static final String BANS = "/api/admin/bans";
    /** Read-only WebSocket of accepted metrics reports. */
    public static final String METRICS_STREAM = "/ws";

    private Paths() {}
}
