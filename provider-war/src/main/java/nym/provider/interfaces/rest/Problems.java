package nym.provider.interfaces.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import nym.provider.application.SpendRefused;
import nym.provider.application.SpendRefused.Reason;

/**
 * {@code application/problem+json} answers (RFC 9457) with one extension member, {@code reason}: the refusal's code,
 * so clients need not parse the human-readable {@code detail}.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private static final Map<Reason, Integer> STATUS = Map.ofEntries(
            Map.entry(Reason.MALFORMED, 400),
            Map.entry(Reason.TOO_LARGE, 413),
            Map.entry(Reason.UNKNOWN_PROVIDER, 404),
            Map.entry(Reason.UNKNOWN_SPEND, 404),
            Map.entry(Reason.NONCE_INVALID, 409),
            Map.entry(Reason.DOUBLE_SPEND, 409),
            Map.entry(Reason.WRONG_PROVIDER, 422),
            Map.entry(Reason.INVALID_CREDENTIAL, 422),
            Map.entry(Reason.KEY_EPOCH_REFUSED, 422),
            Map.entry(Reason.LEDGER_REFUSED, 502),
            Map.entry(Reason.LEDGER_UNAVAILABLE, 503),
            Map.entry(Reason.NOT_CONFIGURED, 503));

    private Problems() {}

    /** The problem document. */
    @JsonbPropertyOrder({"type", "title", "status", "detail", "reason"})
    public record Problem(String type, String title, int status, String detail, String reason) {}

    static int status(Reason reason) {
        return STATUS.get(reason);
    }

    static Response response(SpendRefused e) {
        return response(status(e.reason()), e.getMessage(), e.reason().name());
    }

    static Response response(int status, String detail, String reason) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, reason))
                .build();
    }
}
