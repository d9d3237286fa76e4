package nym.directory.application;

/** This authority will not sign a stored epoch document; the message says why (no key material in it). */
public class EpochDocumentRefused extends Exception {

    public EpochDocumentRefused(String reason) {
        super(reason);
    }
}
