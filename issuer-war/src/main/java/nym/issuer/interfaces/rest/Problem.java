package nym.issuer.interfaces.rest;

import jakarta.ws.rs.core.Response;

/**
 * An error answer, {@code application/problem+json} (RFC 9457); {@code detail} says what was wrong.
 *
 * @param type always {@code about:blank}: the status says the kind
 */
public record Problem(String type, String title, int status, String detail) {

    static final String MEDIA_TYPE = "application/problem+json";

    static Response response(Response.Status status, String detail) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail))
                .build();
    }
}
