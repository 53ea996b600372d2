package org.chorus.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.RequestHeads;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The public entry answers a too-long request line (414), too-large headers (431), a head that leaves open what was
 * meant (400: no Host; two Host, Authorization or Content-Type lines) and a body in a transfer coding it does not
 * decode (501) as problem documents.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class RequestHeadsTest {

    @Test
    void oversizedRequestHeadsGetProblemDocuments() throws Exception {
        RequestHeads.assertOversizedRefused(RestAssured.port, "/api/v1/surveys");
    }

    @Test
    void requestHeadsThatLeaveOpenWhatWasMeantGetProblemDocuments() throws Exception {
        RequestHeads.assertAmbiguousRefused(RestAssured.port, "/api/v1/surveys");
        RequestHeads.assertHostRequiredOnce(RestAssured.port, "/api/v1/surveys");
    }

    @Test
    void aBodyInATransferCodingOtherThanChunkedIsRefusedSayingSo() throws Exception {
        RequestHeads.assertTransferCodingRefused(RestAssured.port, "/api/v1/surveys");
    }

    /** Including those the router refuses before any route runs: no Host, and a target that is not a path. */
    @Test
    void everyRefusalOfARequestHeadCarriesTheBrowserSecurityHeaders() throws Exception {
        List<String> heads = RequestHeads.refusalHeads(RestAssured.port, "/api/v1/surveys");
        assertEquals(5, heads.size());
        for (String head : heads) {
            for (String header : List.of("X-Content-Type-Options: nosniff", "Referrer-Policy: no-referrer",
                    "X-Frame-Options: DENY", "Content-Security-Policy: default-src 'none'")) {
                assertTrue(head.lines().anyMatch(line -> line.regionMatches(true, 0, header, 0, header.length())),
                        header + " in " + head);
            }
        }
    }
}
