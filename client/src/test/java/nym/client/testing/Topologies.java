package nym.client.testing;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import nym.directory.api.Ed25519Identity;
import nym.directory.api.EpochDocument;
import nym.directory.api.Keys;
import nym.sphinx.NodeKeyPair;

/** Epoch documents with fresh random keys, for unit tests (unsigned: sign them with TestAuthorities). */
public final class Topologies {

    /** An hour, as the network's default epoch. */
    public static final long EPOCH_MILLIS = 3_600_000;
    /** The nodes' key grace after an epoch's end: min(L/4, 120 s). */
    public static final long GRACE_MILLIS = 120_000;
    /** What a document asks of clients unless a test says otherwise. */
    public static final EpochDocument.Mixing MIXING = new EpochDocument.Mixing(50, 2.0, 1.0, 1.0);

    private static final SecureRandom RANDOM = new SecureRandom();

    private Topologies() {}

    /** A document of epoch 1 (long past: for tests that read a document without checking it). */
    public static EpochDocument of(int perLayer, int gateways) {
        return epoch(1, perLayer, gateways);
    }

    /**
     * The document of {@code epoch} on the hour-long schedule: {@code perLayer} mix nodes in each of 3 layers and
     * {@code gateways} gateways.
     */
    public static EpochDocument epoch(long epoch, int perLayer, int gateways) {
        List<EpochDocument.Layer> layers = new ArrayList<>();
        for (int layer = 1; layer <= 3; layer++) {
            List<EpochDocument.Mixnode> nodes = new ArrayList<>();
            for (int i = 0; i < perLayer; i++) {
                nodes.add(new EpochDocument.Mixnode(
                        identity(),
                        "127.0.0.1:" + (10000 + layer * 100 + i),
                        layer,
                        sphinxKey(),
                        sphinxKey(),
                        "0.1.0",
                        "here",
                        null));
            }
            layers.add(new EpochDocument.Layer(layer, nodes));
        }
        List<EpochDocument.Gateway> gws = new ArrayList<>();
        for (int i = 0; i < gateways; i++) {
            gws.add(new EpochDocument.Gateway(
                    identity(),
                    "127.0.0.1:" + (20000 + i),
                    "127.0.0.1:" + (21000 + i),
                    sphinxKey(),
                    sphinxKey(),
                    "0.1.0",
                    "here",
                    null));
        }
        return new EpochDocument(
                EpochDocument.VERSION,
                epoch,
                startMillis(epoch),
                startMillis(epoch + 1),
                startMillis(epoch + 1) + GRACE_MILLIS,
                Keys.encode(new byte[32]),
                MIXING,
                layers,
                gws);
    }

    public static long startMillis(long epoch) {
        return epoch * EPOCH_MILLIS;
    }

    public static String identity() {
        return Ed25519Identity.generate(RANDOM).publicKeyText();
    }

    public static String sphinxKey() {
        return Keys.encode(NodeKeyPair.generate(RANDOM).publicKey().toBytes());
    }
}
