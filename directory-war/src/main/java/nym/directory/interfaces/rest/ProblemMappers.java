package nym.directory.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.directory.application.RequestRejected;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Every error answer of the API is {@code application/problem+json}. */
public final class ProblemMappers {

    private ProblemMappers() {}

    /** Counted as {@code nym_directory_requests_refused_total{reason}}: bad signatures, replays, bans show there. */
    @Provider
    @ApplicationScoped
    public static class Rejected implements ExceptionMapper<RequestRejected> {
        @Inject
        MetricRegistry metrics;

        @Override
        public Response toResponse(RequestRejected e) {
            metrics.counter(
                            "nym.directory.requests.refused",
                            new Tag("reason", e.reason().name().toLowerCase(Locale.ROOT)))
                    .inc();
            return Problems.response(e);
        }
    }

    @Provider
    public static class Explicit implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return Problems.response(e.status(), e.getMessage());
        }
    }

    /** JAX-RS's own refusals: unknown path (404), wrong method (405), media types (415, 406), bad parameters. */
    @Provider
    public static class JaxRs implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            String detail = switch (status) {
                case 404 -> "no such resource";
                case 405 -> "method not allowed on this resource";
                case 406 -> "cannot produce an acceptable media type";
                case 415 -> "unsupported media type: send application/json";
                default -> e.getMessage() == null ? "request refused" : e.getMessage();
            };
            Response r = Problems.response(status, detail);
            if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
                return Response.fromResponse(r)
                        .header("Allow", e.getResponse().getHeaderString("Allow"))
                        .build();
            }
            return r;
        }
    }

    /** JSON that an entity provider could not read. */
    @Provider
    public static class Json implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Problems.response(400, "malformed JSON: " + e.getMessage());
        }
    }

    /** Anything else is the directory's fault: a 500 problem without internals; the log has the stack trace. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected error answering a request", e);
            return Problems.response(500, "internal error; the directory's log has the details");
        }
    }
}
