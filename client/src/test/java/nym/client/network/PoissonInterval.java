package nym.client.network;

/**
 * The central interval of a Poisson distribution: {@code [low, high]} with P(X &lt; low) ≤ α/2 and P(X &gt; high) ≤
 * α/2, so a count outside it rejects "the count is Poisson with this mean" at level α. Exact (summed term by term),
 * for means up to a few hundred (e^−mean must not underflow).
 */
record PoissonInterval(long low, long high) {

    static PoissonInterval of(double mean, double alpha) {
        if (!(mean > 0 && mean < 700) || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("mean in (0, 700) and alpha in (0, 1)");
        }
        double term = Math.exp(-mean); // P(X = 0)
        double cdf = term;
        long low = -1;
        for (long k = 0; ; k++) {
            if (low < 0 && cdf > alpha / 2) {
                low = k;
            }
            if (cdf >= 1 - alpha / 2) {
                return new PoissonInterval(low, k);
            }
            term *= mean / (k + 1);
            cdf += term;
        }
    }

    boolean contains(long count) {
        return count >= low && count <= high;
    }

    @Override
    public String toString() {
        return "[" + low + ", " + high + "]";
    }
}
