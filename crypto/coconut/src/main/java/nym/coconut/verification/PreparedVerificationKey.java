package nym.coconut.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.math.FixedBase;
import nym.coconut.setup.Parameters;

/**
 * A verification key prepared for many verifications: fixed-base tables for β_j of the first
 * {@code privateAttributes} attributes, the bases whose exponents (the responses r_{m_j} of π_v) a verifier computes
 * with for every shown credential (g1 and g2 have JVM-wide tables already). About 2 MB per table; building one takes
 * about 0.1 s. Verifiers (service providers, validators) keep one per epoch's aggregated key.
 */
public final class PreparedVerificationKey {
    private final VerificationKey key;
    private final List<FixedBase.G2Table> betas;

    private PreparedVerificationKey(VerificationKey key, List<FixedBase.G2Table> betas) {
        this.key = key;
        this.betas = List.copyOf(betas);
    }

    /** Prepares vk for credentials with up to {@code privateAttributes} private attributes (2 for the token). */
    public static PreparedVerificationKey prepare(Parameters params, VerificationKey vk, int privateAttributes)
            throws CoconutException {
        Objects.requireNonNull(vk);
        if (privateAttributes < 1 || privateAttributes > vk.size()) {
            throw new CoconutException(Kind.INVALID_ARGUMENT, "private attributes must be in [1, q]");
        }
        List<FixedBase.G2Table> betas = new ArrayList<>(privateAttributes);
        for (int j = 0; j < privateAttributes; j++) {
            betas.add(new FixedBase.G2Table(vk.beta(j)));
        }
        return new PreparedVerificationKey(vk, betas);
    }

    public VerificationKey key() {
        return key;
    }

    /** The table of β_j, or null when none was prepared for j. */
    FixedBase.G2Table betaTable(int j) {
        return j < betas.size() ? betas.get(j) : null;
    }

    @Override
    public String toString() {
        return "PreparedVerificationKey[" + key + ", tables for " + betas.size() + " β]";
    }
}
