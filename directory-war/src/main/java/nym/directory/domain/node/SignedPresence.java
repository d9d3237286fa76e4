package nym.directory.domain.node;

import java.util.List;
import nym.directory.api.AnnouncedKey;

/**
 * A presence to store: the node as it announces itself, the Sphinx keys it announces (one per epoch, with their
 * proofs; none for a validator), and the signed timestamp of the request, which must be newer than the node's last
 * accepted one.
 */
public record SignedPresence(Node node, List<AnnouncedKey> sphinxKeys, long signedAt) {

    public SignedPresence {
        sphinxKeys = List.copyOf(sphinxKeys);
    }
}
