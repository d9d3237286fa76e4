package nym.coconut;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;

/**
 * The credential shape the network uses: private attributes [serial s, secret k], public attribute [value], with the
 * value one of {@link #VALUES}. ζ = g1^s is the double-spend tag revealed when the token is spent.
 */
public final class Token {
    public static final int PRIVATE_ATTRIBUTES = 2;
    public static final int PUBLIC_ATTRIBUTES = 1;
    /** The denominations a token may carry. */
    public static final Set<Integer> VALUES = Set.of(1, 2, 5, 10, 20, 50, 100);

    private Token() {}

    /** A fresh token of the given value: random serial and secret. */
    public static Attributes newToken(int value, RandomSource rng) throws CoconutException {
        return Attributes.of(List.of(SecretScalar.random(rng), SecretScalar.random(rng)), publicAttributes(value));
    }

    /** [value], after checking the value is an allowed denomination. */
    public static List<BigInteger> publicAttributes(int value) throws CoconutException {
        if (!VALUES.contains(value)) {
            throw new CoconutException(
                    CoconutException.Kind.INVALID_ARGUMENT, "token value " + value + " is not one of " + VALUES);
        }
        return List.of(BigInteger.valueOf(value));
    }
}
