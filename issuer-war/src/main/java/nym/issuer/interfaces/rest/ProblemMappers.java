package nym.issuer.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error of the issuer API is {@code application/problem+json}, also JAX-RS's own (404, 405, 406). */
public final class ProblemMappers {

    private ProblemMappers() {}

    @Provider
    public static class JaxRs implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            return Problem.response(
                    e.getResponse().getStatus(), e.getMessage() == null ? "request refused" : e.getMessage());
        }
    }

    /** Anything else is the issuer's fault: a 500 problem without internals; the log has the stack trace. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(RuntimeException e) {
            LOG.log(Level.SEVERE, "unexpected error answering a request", e);
            return Problem.response(500, "internal error; the server log has the details");
        }
    }
}
