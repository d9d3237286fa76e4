package nym.issuer.interfaces.rest;

import jakarta.ws.rs.core.Response;

/**
 * An error answer, {@code application/problem+json} (RFC 9457); {@code detail} says what was wrong.
 *
 * @param type always {@code about:blank}: the status says the kind
 */
public record Problem(String type, String title, int status, String detail) {

    static final String MEDIA_TYPE = "application/problem+json";

    /** 422 is not in JAX-RS's {@code Response.Status}. */
    static final int UNPROCESSABLE = 422;

    static Response response(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title =
                known != null ? known.getReasonPhrase() : status == UNPROCESSABLE ? "Unprocessable Content" : "Error";
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail))
                .build();
    }
}
