package nym.directory.application;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import nym.directory.api.AuthorityAnnouncement;

/**
 * The form of an announcement's fields, checked before it is stored (its index and key are checked with its signature,
 * {@code SignedAuthorityAnnouncement.verify}). Each refusal is {@code MALFORMED} naming the field.
 */
final class AnnouncementRules {

    /** How far ahead of the directory's clock an announcement may be dated: a later one would block its successors. */
    static final long MAX_AHEAD_MILLIS = 5 * 60_000;

    static final int MAX_URL_CHARS = 255;

    private static final Pattern ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");
    /** A compressed G1 point (48 bytes), lowercase hex: the DKG key's form in authority.toml and genesis. */
    private static final Pattern DKG_KEY = Pattern.compile("^[0-9a-f]{96}$");

    private AnnouncementRules() {}

    static void check(AuthorityAnnouncement a, long nowMillis) {
        url(a.ledgerRpc(), "ledgerRpc");
        url(a.issuerUrl(), "issuerUrl");
        address(a.issuerAddress(), "issuerAddress");
        address(a.watcherAddress(), "watcherAddress");
        address(a.verifierAddress(), "verifierAddress");
        if (a.dkgKey() != null && !DKG_KEY.matcher(a.dkgKey()).matches()) {
            throw malformed("dkgKey must be 96 lowercase hex digits (a compressed G1 point) or null");
        }
        if (a.announcedAtMillis() <= 0) {
            throw malformed("announcedAtMillis must be positive (ms since the Unix epoch)");
        }
        if (a.announcedAtMillis() > nowMillis + MAX_AHEAD_MILLIS) {
            throw malformed("announcedAtMillis is more than " + MAX_AHEAD_MILLIS / 1000
                    + " s ahead of the directory's clock: check the authority's clock");
        }
    }

    private static void url(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw malformed(field + " is missing");
        }
        String why = field + " must be an absolute http or https URL without user, query or fragment, at most "
                + MAX_URL_CHARS + " characters";
        if (value.length() > MAX_URL_CHARS) {
            throw malformed(why);
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (!("http".equals(scheme) || "https".equals(scheme))
                    || uri.getHost() == null
                    || uri.getUserInfo() != null
                    || uri.getQuery() != null
                    || uri.getFragment() != null) {
                throw malformed(why);
            }
        } catch (URISyntaxException e) {
            throw malformed(why);
        }
    }

    private static void address(String value, String field) {
        if (value == null || !ADDRESS.matcher(value).matches()) {
            throw malformed(field + " must be 0x followed by 40 hex digits");
        }
    }

    private static RequestRejected malformed(String detail) {
        return new RequestRejected(RequestRejected.Reason.MALFORMED, detail);
    }
}
