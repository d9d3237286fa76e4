package nym.directory.application;

import java.util.function.Supplier;

/** Reading the ledger's JSON answers: a missing or wrong-typed field means the answer cannot be used. */
final class LedgerJson {

    private LedgerJson() {}

    static <T> T read(String what, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (
                RuntimeException
                        e) { // NullPointerException, ClassCastException, NumberFormatException, ArithmeticException
            throw new StakeLedgerUnavailable("unreadable answer to " + what + ": " + e, e);
        }
    }
}
