package nym.directory.interfaces.rest;

/** Ends a request with an {@code application/problem+json} answer. */
public class ProblemException extends RuntimeException {

    private final int status;

    public ProblemException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
