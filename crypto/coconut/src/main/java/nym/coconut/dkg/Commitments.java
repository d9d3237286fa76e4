package nym.coconut.dkg;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import nym.coconut.CoconutException;
import nym.coconut.encoding.ByteReader;
import nym.coconut.encoding.ByteWriter;
import nym.coconut.keygen.VerificationKey;
import nym.coconut.math.G2Element;

/**
 * Feldman commitments C_{c,k} = g2^{a_{c,k}} to q + 1 polynomials of degree t − 1 (row c = 0 for x, c = 1..q for
 * y_c), or the coefficient-wise product of several dealers' commitments, which commits to the sum of their
 * polynomials. Evaluating "in the exponent" at i gives the verification key of the share at i.
 */
final class Commitments {
    private final List<List<G2Element>> rows;

    Commitments(List<List<G2Element>> rows) {
        List<List<G2Element>> copy = new ArrayList<>(rows.size());
        rows.forEach(row -> copy.add(List.copyOf(row)));
        this.rows = List.copyOf(copy);
    }

    /** q + 1. */
    int width() {
        return rows.size();
    }

    /** t. */
    int threshold() {
        return rows.get(0).size();
    }

    /** (Π_k C_{c,k}^{i^k})_c as a key: g2 raised to the shares at i. */
    VerificationKey evaluate(int index) {
        List<BigInteger> powers = new ArrayList<>(threshold());
        BigInteger at = BigInteger.valueOf(index);
        BigInteger power = BigInteger.ONE;
        for (int k = 0; k < threshold(); k++) {
            powers.add(power);
            power = power.multiply(at);
        }
        List<G2Element> values = new ArrayList<>(width());
        for (List<G2Element> row : rows) {
            values.add(G2Element.multiScalarMul(row, powers));
        }
        return key(values);
    }

    /** (C_{c,0})_c: g2 raised to the polynomials' constant terms, the shared secret key. */
    VerificationKey constants() {
        List<G2Element> values = new ArrayList<>(width());
        rows.forEach(row -> values.add(row.get(0)));
        return key(values);
    }

    /** The coefficient-wise product, committing to the sum of both polynomial vectors (same shape required). */
    Commitments times(Commitments other) {
        List<List<G2Element>> product = new ArrayList<>(width());
        for (int c = 0; c < width(); c++) {
            List<G2Element> row = new ArrayList<>(threshold());
            for (int k = 0; k < threshold(); k++) {
                row.add(rows.get(c).get(k).add(other.rows.get(c).get(k)));
            }
            product.add(row);
        }
        return new Commitments(product);
    }

    void write(ByteWriter w) {
        rows.forEach(row -> row.forEach(w::g2));
    }

    /** Reads width · t points, row by row; the reader refuses the identity anywhere. */
    static Commitments read(ByteReader r, int width, int threshold) throws CoconutException {
        List<List<G2Element>> rows = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            List<G2Element> row = new ArrayList<>(threshold);
            for (int k = 0; k < threshold; k++) {
                row.add(r.g2());
            }
            rows.add(row);
        }
        return new Commitments(rows);
    }

    private static VerificationKey key(List<G2Element> values) {
        return new VerificationKey(values.get(0), values.subList(1, values.size()));
    }
}
