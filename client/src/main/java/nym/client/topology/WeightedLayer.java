package nym.client.topology;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One mix layer as routes draw from it: the nodes scored at least the client's minimum, each drawn with probability
 * proportional to its {@link MixNode#routingWeight}. When no node of the layer reaches the minimum the whole layer is
 * used ({@link #fellBack}): a route through weak nodes still beats no route at all.
 */
final class WeightedLayer {

    private final List<MixNode> nodes;
    private final long[] cumulativeWeights;
    private final boolean fellBack;

    private WeightedLayer(List<MixNode> nodes, boolean fellBack) {
        this.nodes = List.copyOf(nodes);
        this.fellBack = fellBack;
        this.cumulativeWeights = new long[nodes.size()];
        long sum = 0;
        for (int i = 0; i < nodes.size(); i++) {
            sum += nodes.get(i).routingWeight();
            cumulativeWeights[i] = sum;
        }
    }

    /** @param layer a non-empty layer of the topology */
    static WeightedLayer of(List<MixNode> layer, int minPerformance) {
        List<MixNode> eligible = layer.stream()
                .filter(node -> node.routingWeight() >= minPerformance)
                .toList();
        return eligible.isEmpty() ? new WeightedLayer(layer, true) : new WeightedLayer(eligible, false);
    }

    /** True when every node of the layer was below the minimum, so none was skipped. */
    boolean fellBack() {
        return fellBack;
    }

    MixNode pick(RandomGenerator random) {
        long total = cumulativeWeights[cumulativeWeights.length - 1];
        if (total == 0) {
            // every node scored 0 (possible with a minimum of 0): no weight to go by
            return nodes.get(random.nextInt(nodes.size()));
        }
        long drawn = random.nextLong(total);
        int i = 0;
        while (cumulativeWeights[i] <= drawn) {
            i++;
        }
        return nodes.get(i);
    }
}
