package nym.directory.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdmissionPolicyTest {

    @Test
    void parse_open_neitherApprovedNorActiveSetOnly() {
        AdmissionPolicy p = AdmissionPolicy.parse("open");

        assertEquals(AdmissionPolicy.OPEN, p);
        assertFalse(p.approvedOnly());
        assertFalse(p.activeSetOnly());
    }

    @Test
    void parse_approvedWithSpaces_approvedOnly() {
        AdmissionPolicy p = AdmissionPolicy.parse(" approved ");

        assertTrue(p.approvedOnly());
        assertFalse(p.activeSetOnly());
    }

    @Test
    void parse_stake_activeSetOnly() {
        AdmissionPolicy p = AdmissionPolicy.parse("stake");

        assertEquals(AdmissionPolicy.STAKE, p);
        assertTrue(p.activeSetOnly());
        assertFalse(p.approvedOnly());
    }

    @Test
    void parse_unknownOrOtherCase_refusedNamingTheKeyAndThePolicies() {
        for (String bad : new String[] {"Stake", "staked", "", null}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> AdmissionPolicy.parse(bad));
            assertTrue(e.getMessage().contains("nym.directory.admission"), e.getMessage());
            assertTrue(e.getMessage().contains("open, approved or stake"), e.getMessage());
        }
    }
}
