package nym.monitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-node forwarding probabilities from end-to-end route outcomes (network tomography with a product model).
 *
 * <p><b>Model.</b> Node i forwards a packet with an unknown probability p_i, independently of the other nodes and
 * packets. A test loop over route r (its mix nodes and its gateway) comes back with probability Π_{i∈r} p_i. Given
 * the outcomes y_r ∈ {0, 1}, the log-likelihood in θ_i = log p_i ≤ 0 is
 *
 * <pre>ℓ(θ) = Σ_{r: y_r=1} s_r + Σ_{r: y_r=0} log(1 − e^{s_r}),   s_r = Σ_{i∈r} θ_i.</pre>
 *
 * Each term is concave in θ (s_r is linear and both x ↦ x and x ↦ log(1 − e^x) are concave for x &lt; 0), so ℓ is
 * concave on the box θ ∈ [θ_min, 0]^n and coordinate ascent converges to its maximum. One coordinate step maximises ℓ
 * in θ_i with the others fixed: ∂ℓ/∂θ_i = S_i − Σ_{r∋i, y_r=0} e^{s_r}/(1 − e^{s_r}), with S_i the returned routes
 * through i, decreases in θ_i; when it is still ≥ 0 at θ_i = 0 the node forwards everything (p_i = 1), else its root
 * is found by bisection. A node on no returned route falls to θ_min (p ≈ 0).
 *
 * <p><b>Why a node's loss separates from its neighbours'.</b> Routes are drawn independently per layer, so each node
 * shares routes with many different partners: a node dropping half its packets halves the return rate of every route
 * through it, while each of its neighbours also lies on many routes without it that return. The likelihood puts the
 * loss on the one node common to the failing routes.
 *
 * <p><b>Limit.</b> Every route crosses exactly one node per layer, so multiplying one layer's p by a and another's by
 * 1/a leaves ℓ unchanged: the estimate is pinned by the bound p ≤ 1, i.e. by each layer having nodes that forward
 * everything. A loss that every node of a layer shares (say, a lossy network everywhere) cannot be placed in one
 * layer; it is spread over the layers the ascent reaches first. Performance is round(1000 · p); nodes crossed by
 * fewer than {@code minSamples} routes are not scored (their estimate would say little).
 *
 * <p>Pure and deterministic: the same outcomes give the same scores.
 */
public final class ReliabilityEstimator {

    /** Smallest routes-through-a-node count scored by default. */
    public static final int DEFAULT_MIN_SAMPLES = 5;

    /** log of the smallest probability the estimate takes (a node on no returned route). */
    static final double THETA_MIN = Math.log(1e-6);

    private static final int MAX_SWEEPS = 1000;
    private static final int BISECTION_STEPS = 60;
    private static final double CONVERGED = 1e-10;

    private final int minSamples;

    public ReliabilityEstimator(int minSamples) {
        if (minSamples < 1) {
            throw new IllegalArgumentException("minSamples must be at least 1");
        }
        this.minSamples = minSamples;
    }

    /** The scores of the nodes crossed by at least {@code minSamples} of {@code outcomes}, by identity. */
    public List<NodeScore> estimate(List<RouteOutcome> outcomes) {
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[][] routes = new int[outcomes.size()][];
        boolean[] returned = new boolean[outcomes.size()];
        for (int r = 0; r < routes.length; r++) {
            RouteOutcome outcome = outcomes.get(r);
            routes[r] = outcome.nodes().stream()
                    .mapToInt(node -> index.computeIfAbsent(node, n -> {
                        names.add(n);
                        return names.size() - 1;
                    }))
                    .toArray();
            returned[r] = outcome.returned();
        }
        Likelihood likelihood = new Likelihood(names.size(), routes, returned);
        double[] theta = likelihood.maximise();

        List<NodeScore> scores = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int samples = likelihood.through[i].length;
            if (samples >= minSamples) {
                int performance = (int) Math.round(1000 * Math.exp(theta[i]));
                scores.add(new NodeScore(names.get(i), Math.min(1000, Math.max(0, performance)), samples));
            }
        }
        scores.sort(Comparator.comparing(NodeScore::identity));
        return scores;
    }

    /** The log-likelihood's coordinate ascent over one epoch's routes. */
    private static final class Likelihood {
        private final int[][] routes;
        private final boolean[] returned;
        /** The routes through each node. */
        private final int[][] through;
        /** s_r = Σ θ_i over route r, kept up to date as θ changes. */
        private final double[] routeSum;

        private final double[] theta;

        Likelihood(int nodes, int[][] routes, boolean[] returned) {
            this.routes = routes;
            this.returned = returned;
            this.theta = new double[nodes];
            this.routeSum = new double[routes.length];
            int[] counts = new int[nodes];
            for (int[] route : routes) {
                for (int i : route) {
                    counts[i]++;
                }
            }
            this.through = new int[nodes][];
            for (int i = 0; i < nodes; i++) {
                through[i] = new int[counts[i]];
            }
            int[] filled = new int[nodes];
            for (int r = 0; r < routes.length; r++) {
                for (int i : routes[r]) {
                    through[i][filled[i]++] = r;
                }
            }
        }

        double[] maximise() {
            // Start inside the box: at θ = 0 every lost route would have probability 0.
            double start = Math.log(0.9);
            java.util.Arrays.fill(theta, start);
            for (int r = 0; r < routes.length; r++) {
                routeSum[r] = start * routes[r].length;
            }
            for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
                double largestStep = 0;
                for (int i = 0; i < theta.length; i++) {
                    largestStep = Math.max(largestStep, Math.abs(step(i)));
                }
                if (largestStep < CONVERGED) {
                    break;
                }
            }
            return theta;
        }

        /** Maximises over θ_i alone; the change made. */
        private double step(int i) {
            double best = argmax(i);
            double change = best - theta[i];
            for (int r : through[i]) {
                routeSum[r] += change;
            }
            theta[i] = best;
            return change;
        }

        private double argmax(int i) {
            if (derivative(i, 0.0) >= 0) {
                return 0.0;
            }
            double lo = THETA_MIN;
            if (derivative(i, lo) <= 0) {
                return lo;
            }
            double hi = 0.0;
            for (int k = 0; k < BISECTION_STEPS; k++) {
                double mid = (lo + hi) / 2;
                if (derivative(i, mid) > 0) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return (lo + hi) / 2;
        }

        /** ∂ℓ/∂θ_i at θ_i = {@code value}, the other coordinates as they are. */
        private double derivative(int i, double value) {
            double d = 0;
            for (int r : through[i]) {
                if (returned[r]) {
                    d += 1;
                } else {
                    double s = routeSum[r] - theta[i] + value;
                    if (s >= 0) {
                        return Double.NEGATIVE_INFINITY; // a lost route cannot have probability 1
                    }
                    d -= Math.exp(s) / -Math.expm1(s);
                }
            }
            return d;
        }
    }
}
