package nym.directory.domain.node;

/** Another node already owns an address, a client listener or a Sphinx key this presence announces. */
public class BindingTakenException extends RuntimeException {
    public BindingTakenException(String message, Throwable cause) {
        super(message, cause);
    }
}
