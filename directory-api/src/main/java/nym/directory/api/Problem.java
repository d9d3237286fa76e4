package nym.directory.api;

/**
 * An error answer, {@code application/problem+json} (RFC 9457): {@code detail} says what was wrong.
 */
public record Problem(String type, String title, int status, String detail) {}
