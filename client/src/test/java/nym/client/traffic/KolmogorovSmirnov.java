package nym.client.traffic;

import java.util.Arrays;

/**
 * The one-sample Kolmogorov–Smirnov test against an exponential distribution of known rate (not estimated from the
 * sample, so the usual critical values apply).
 */
final class KolmogorovSmirnov {

    /** √(−ln(α/2) / 2) for α = 0.01: the asymptotic critical value of √n·D. */
    static final double CRITICAL_1_PERCENT = Math.sqrt(-Math.log(0.01 / 2) / 2);

    private KolmogorovSmirnov() {}

    /** D = sup |F_n(x) − F(x)| for F(x) = 1 − e^(−λx); {@code rate} λ per unit of the samples. */
    static double statisticAgainstExponential(double[] samples, double rate) {
        double[] x = samples.clone();
        Arrays.sort(x);
        int n = x.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = 1 - Math.exp(-rate * x[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return d;
    }

    /** The largest D that does not reject the distribution at the 1% level for a sample of {@code n}. */
    static double criticalValue(int n) {
        return CRITICAL_1_PERCENT / Math.sqrt(n);
    }
}
