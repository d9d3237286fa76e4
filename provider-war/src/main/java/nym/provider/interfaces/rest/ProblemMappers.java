package nym.provider.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import nym.provider.application.SpendRefused;

/** Every error answer of the providers' API is {@code application/problem+json}. */
public final class ProblemMappers {

    private ProblemMappers() {}

    @Provider
    public static class Refused implements ExceptionMapper<SpendRefused> {
        @Override
        public Response toResponse(SpendRefused e) {
            return Problems.response(e);
        }
    }

    /** JAX-RS's own refusals: unknown path, wrong method, media types, a path parameter that is not a number. */
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
            return Problems.response(status, detail, null);
        }
    }

    /** Anything else is the provider's fault: a 500 problem without internals; the log has the stack trace. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected error answering a request", e);
            return Problems.response(500, "internal error; the provider's log has the details", null);
        }
    }
}
