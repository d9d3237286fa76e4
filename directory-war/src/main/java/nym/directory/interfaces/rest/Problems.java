package nym.directory.interfaces.rest;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import nym.directory.api.Problem;
import nym.directory.application.RequestRejected;

/** Builds {@code application/problem+json} answers (RFC 9457). */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private static final Map<RequestRejected.Reason, Integer> STATUS = Map.ofEntries(
            Map.entry(RequestRejected.Reason.MALFORMED, 400),
            Map.entry(RequestRejected.Reason.TOO_LARGE, 413),
            Map.entry(RequestRejected.Reason.BAD_SIGNATURE, 401),
            Map.entry(RequestRejected.Reason.STALE, 401),
            Map.entry(RequestRejected.Reason.REPLAYED, 409),
            Map.entry(RequestRejected.Reason.BANNED, 403),
            Map.entry(RequestRejected.Reason.CONFLICT, 409),
            Map.entry(RequestRejected.Reason.UNKNOWN_NODE, 404),
            Map.entry(RequestRejected.Reason.UNKNOWN_AUTHORITY, 404),
            Map.entry(RequestRejected.Reason.BAD_BODY_SIGNATURE, 400));

    private Problems() {}

    static Response response(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        Response.ResponseBuilder b =
                Response.status(status).type(MEDIA_TYPE).entity(new Problem("about:blank", title, status, detail));
        if (status == 401) {
            b.header("WWW-Authenticate", "Nym-Signature");
        }
        return b.build();
    }

    static Response response(RequestRejected e) {
        return response(STATUS.getOrDefault(e.reason(), 400), e.getMessage());
    }
}
