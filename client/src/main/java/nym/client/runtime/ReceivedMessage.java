package nym.client.runtime;

import java.util.Optional;

/**
 * A message the mixnet delivered to this client.
 *
 * @param message the bytes the sender (or replier) sent
 * @param reply true when it answers a SURB this client sent
 * @param replySurb a handle for answering once through the SURB the sender attached ({@link MixnetClient#reply})
 */
public record ReceivedMessage(byte[] message, boolean reply, Optional<String> replySurb) {}
