package org.chorus.survey.coding.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Cohen's kappa on the worked examples of the Wikipedia article "Cohen's kappa" (section "Examples"): 50
 * applications read by two readers, and the pair of tables with the same 60% agreement but different kappas.
 */
class AgreementTest {

    private static final double EXACT = 1e-4;

    @Test
    void fiftyGrantApplicationsAgreeSeventyPercentWithKappaPointFour() {
        // A said yes and B yes: 20; A yes, B no: 5; A no, B yes: 10; both no: 15
        Agreement agreement = new Agreement(20, 5, 10, 15);
        assertEquals(50, agreement.answers());
        assertEquals(0.7, agreement.percentAgreement(), EXACT);
        assertEquals(0.4, agreement.kappa(), EXACT);
    }

    @Test
    void theSameAgreementGivesDifferentKappasWhenTheCodersUseTheCategoryUnevenly() {
        Agreement balanced = new Agreement(45, 15, 25, 15);
        Agreement uneven = new Agreement(25, 35, 5, 35);
        assertEquals(0.6, balanced.percentAgreement(), EXACT);
        assertEquals(0.6, uneven.percentAgreement(), EXACT);
        assertEquals(0.1304, balanced.kappa(), EXACT);
        assertEquals(0.2593, uneven.kappa(), EXACT);
    }

    @Test
    void kappaIsUndefinedWithNothingToCompareOrWhenChanceAgreementIsCertain() {
        assertNull(new Agreement(0, 0, 0, 0).kappa());
        assertNull(new Agreement(0, 0, 0, 0).percentAgreement());
        Agreement neverUsed = new Agreement(0, 0, 0, 12);
        assertEquals(1.0, neverUsed.percentAgreement(), EXACT);
        assertNull(neverUsed.kappa());
    }

    @Test
    void perfectAgreementOnACategoryUsedSometimesIsKappaOne() {
        assertEquals(1.0, new Agreement(7, 0, 0, 13).kappa(), EXACT);
    }
}
