package nym.directory.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdmissionPolicyTest {

    @Test
    void approvedOnly_open_false() {
        assertFalse(AdmissionPolicy.approvedOnly("open"));
    }

    @Test
    void approvedOnly_approved_true() {
        assertTrue(AdmissionPolicy.approvedOnly(" approved "));
    }

    @Test
    void approvedOnly_unknownPolicy_refusedNamingTheKey() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> AdmissionPolicy.approvedOnly("stake"));
        assertTrue(e.getMessage().contains("nym.directory.admission"), e.getMessage());
    }
}
