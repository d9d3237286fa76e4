package nym.directory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which registered nodes an epoch document may list ({@code nym.directory.admission}): {@code open} — every node that
 * meets the other rules — or {@code approved} — only nodes an operator approved ({@code PUT /api/admin/approvals/{key}}).
 * A stake-based policy can join these once the ledger knows stake.
 */
@ApplicationScoped
public class AdmissionPolicy {

    static final String OPEN = "open";
    static final String APPROVED = "approved";

    @Inject
    @ConfigProperty(name = "nym.directory.admission", defaultValue = OPEN)
    String admission;

    /**
     * @return true if only approved nodes are candidates
     * @throws IllegalStateException for a value that is neither {@code open} nor {@code approved}
     */
    public boolean approvedOnly() {
        return approvedOnly(admission);
    }

    static boolean approvedOnly(String policy) {
        return switch (policy.trim()) {
            case OPEN -> false;
            case APPROVED -> true;
            default ->
                throw new IllegalStateException(
                        "nym.directory.admission is '" + policy + "': it must be " + OPEN + " or " + APPROVED);
        };
    }
}
