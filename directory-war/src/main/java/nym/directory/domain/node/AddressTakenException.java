package nym.directory.domain.node;

/** Another identity key already owns this (kind, address). */
public class AddressTakenException extends RuntimeException {
    public AddressTakenException(String message, Throwable cause) {
        super(message, cause);
    }
}
