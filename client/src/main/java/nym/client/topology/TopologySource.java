package nym.client.topology;

import java.net.URI;
import nym.client.ClientException;
import nym.directory.api.DirectoryClient;
import nym.directory.api.DirectoryException;
import nym.directory.api.Keys;

/**
 * Fetches the topology from the directory and verifies its signature against the pinned directory key before
 * anything in it is used.
 */
public final class TopologySource {

    private final DirectoryClient directory;
    private final byte[] directoryKey;

    public TopologySource(URI directoryUrl, String directoryKey) {
        this.directory = new DirectoryClient(directoryUrl, null);
        try {
            this.directoryKey = Keys.decode(directoryKey, Keys.PUBLIC_KEY_BYTES, "directory key");
        } catch (DirectoryException e) {
            throw new ClientException(ClientException.Kind.CONFIG, e.getMessage(), e);
        }
    }

    /** The directory's published topology key, for trust on first use at {@code init} when none is given. */
    public static String publishedKey(URI directoryUrl) {
        try {
            return Keys.encode(new DirectoryClient(directoryUrl, null).directoryKey());
        } catch (DirectoryException e) {
            throw new ClientException(
                    ClientException.Kind.TOPOLOGY, "cannot read the directory key: " + e.getMessage(), e);
        }
    }

    /**
     * @throws ClientException {@link ClientException.Kind#TOPOLOGY} when the directory cannot be reached, the answer is
     *     not signed by the pinned key, or it does not parse
     */
    public MixTopology fetch() {
        try {
            return MixTopology.from(directory.topology(directoryKey));
        } catch (DirectoryException e) {
            throw new ClientException(
                    ClientException.Kind.TOPOLOGY, "topology refused (" + e.kind() + "): " + e.getMessage(), e);
        }
    }
}
