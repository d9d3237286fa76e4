package nym.coconut.setup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import nym.coconut.CoconutException;
import nym.coconut.CoconutException.Kind;
import nym.coconut.encoding.Sizes;
import nym.coconut.math.G1Element;

/** Setup(q) → params. */
public final class Setup {
    /** Domain-separation tag of the generators h_j (RFC 9380 hash-to-curve, random-oracle suite). */
    public static final String GENERATOR_DST = "NYM-COCONUT-V01-CS01-with-BLS12381G1_XMD:SHA-256_SSWU_RO_GENERATORS_";
    /** Domain-separation tag of h = H(cm) in issuance and of h = H(m) in plain signing. */
    public static final String HASH_DST = "NYM-COCONUT-V01-CS01-with-BLS12381G1_XMD:SHA-256_SSWU_RO_H_";

    private static final ConcurrentHashMap<Integer, Parameters> CACHE = new ConcurrentHashMap<>();

    private Setup() {}

    /** Setup(q): params for credentials of up to q attributes, 1 ≤ q ≤ {@value Sizes#MAX_ATTRIBUTES}. */
    public static Parameters setup(int q) throws CoconutException {
        if (q < 1 || q > Sizes.MAX_ATTRIBUTES) {
            throw new CoconutException(Kind.INVALID_ARGUMENT, "q must be in [1, " + Sizes.MAX_ATTRIBUTES + "]");
        }
        return CACHE.computeIfAbsent(q, Setup::derive);
    }

    /** Setup(q) without the per-q cache: hashes the q generators again (for benchmarks). */
    public static Parameters setupUncached(int q) throws CoconutException {
        if (q < 1 || q > Sizes.MAX_ATTRIBUTES) {
            throw new CoconutException(Kind.INVALID_ARGUMENT, "q must be in [1, " + Sizes.MAX_ATTRIBUTES + "]");
        }
        return derive(q);
    }

    private static Parameters derive(int q) {
        List<G1Element> hs = new ArrayList<>(q);
        for (int j = 1; j <= q; j++) {
            hs.add(G1Element.hashToCurve(("h" + j).getBytes(StandardCharsets.US_ASCII), GENERATOR_DST));
        }
        return new Parameters(q, hs);
    }
}
