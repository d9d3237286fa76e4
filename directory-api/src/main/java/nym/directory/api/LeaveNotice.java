package nym.directory.api;

/**
 * A node's signed notice that it is shutting down ({@code POST /api/presence/leave}): it is left out of the next
 * epoch's document (the current one does not change) until it sends a presence again.
 *
 * @param identityKey Ed25519 identity key (signs this request)
 */
public record LeaveNotice(String identityKey) {}
