package nym.coconut;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nym.coconut.math.Scalars;

/**
 * The attributes m_1..m_ℓ of a credential: first the private ones (known only to the holder; the first is the serial
 * s behind the double-spend tag ζ), then the public ones (known to issuers and verifiers). Signing keys use β_j in
 * that order. {@link #toString()} shows only the public attributes.
 */
public final class Attributes {
    private final List<SecretScalar> privateAttributes;
    private final List<BigInteger> publicAttributes;

    private Attributes(List<SecretScalar> privateAttributes, List<BigInteger> publicAttributes) {
        this.privateAttributes = List.copyOf(privateAttributes);
        this.publicAttributes = List.copyOf(publicAttributes);
    }

    public static Attributes of(List<SecretScalar> privateAttributes, List<BigInteger> publicAttributes)
            throws CoconutException {
        Objects.requireNonNull(privateAttributes);
        checkPublic(publicAttributes);
        return new Attributes(privateAttributes, publicAttributes);
    }

    /** Throws unless every public attribute is in [0, r). */
    public static List<BigInteger> checkPublic(List<BigInteger> publicAttributes) throws CoconutException {
        Objects.requireNonNull(publicAttributes);
        for (BigInteger m : publicAttributes) {
            if (m == null || !Scalars.isCanonical(m)) {
                throw new CoconutException(CoconutException.Kind.INVALID_ARGUMENT, "public attribute outside [0, r)");
            }
        }
        return List.copyOf(publicAttributes);
    }

    public List<SecretScalar> privateAttributes() {
        return privateAttributes;
    }

    public List<BigInteger> publicAttributes() {
        return publicAttributes;
    }

    public int privateCount() {
        return privateAttributes.size();
    }

    public int publicCount() {
        return publicAttributes.size();
    }

    /** All values, private first then public (for the holder's own computations). */
    public List<BigInteger> allValues() {
        List<BigInteger> all = new ArrayList<>(privateAttributes.size() + publicAttributes.size());
        privateAttributes.forEach(s -> all.add(s.value()));
        all.addAll(publicAttributes);
        return all;
    }

    @Override
    public String toString() {
        return "Attributes[private=" + privateAttributes.size() + " redacted, public=" + publicAttributes + "]";
    }
}
