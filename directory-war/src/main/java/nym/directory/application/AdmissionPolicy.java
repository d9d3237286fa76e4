package nym.directory.application;

import java.util.Locale;

/**
 * Which registered nodes an epoch document may list ({@code nym.directory.admission}). Under every policy, once the
 * ledger holds stake, nodes whose performance in the ledger's active-set record of the epoch is below its score
 * threshold are left out ({@link EpochStanding}).
 */
public enum AdmissionPolicy {
    /** Every node that meets the other rules. */
    OPEN,
    /** Only nodes an operator approved ({@code PUT /api/admin/approvals/{key}}). */
    APPROVED,
    /** Only nodes in the ledger's active set of the epoch, of their kind (chosen by stake and score). */
    STAKE;

    static final String KEY = "nym.directory.admission";

    /**
     * @throws IllegalStateException for a value that is none of {@code open}, {@code approved}, {@code stake}
     */
    public static AdmissionPolicy parse(String value) {
        String name = value == null ? "" : value.trim();
        for (AdmissionPolicy p : values()) {
            if (p.text().equals(name)) {
                return p;
            }
        }
        throw new IllegalStateException(KEY + " is '" + value + "': it must be " + OPEN.text() + ", " + APPROVED.text()
                + " or " + STAKE.text());
    }

    /** True if only operator-approved nodes are candidates. */
    public boolean approvedOnly() {
        return this == APPROVED;
    }

    /** True if only the nodes of the ledger's active set are candidates. */
    public boolean activeSetOnly() {
        return this == STAKE;
    }

    /** The configuration value naming this policy. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
