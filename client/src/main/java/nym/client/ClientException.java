package nym.client;

/** The client library's one exception; {@link #kind()} says what went wrong. Never carries key material. */
public final class ClientException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** The home folder or its config.toml is missing, unreadable or holds an invalid value. */
        CONFIG,
        /** A key file is missing or malformed. */
        KEYS,
        /** A client address does not parse. */
        ADDRESS,
        /**
         * No epoch document could be fetched, it lacked t signatures of the pinned authorities, was older than one
         * held or expired, or it cannot carry a route.
         */
        TOPOLOGY,
        /** The gateway refused, answered something unexpected or could not be reached. */
        GATEWAY,
        /** A message is too long, malformed, or a reply names an unknown SURB. */
        MESSAGE,
        /** A request to the local API is malformed. */
        API,
        /** The ledger refused a transaction, answered something unexpected or could not be reached. */
        LEDGER,
        /** Ethereum (the NYM ERC20 token) refused, failed or could not be reached. */
        ETHEREUM,
        /** Too few issuers answered with a partial credential that checks against their key share. */
        ISSUER,
        /** The service provider refused the spend or could not be reached. */
        PROVIDER,
        /** A credential step ran out of order, waited too long, or a stored credential is unusable. */
        CREDENTIAL
    }

    private final Kind kind;

    public ClientException(Kind kind, String message) {
        this(kind, message, null);
    }

    public ClientException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
