package org.chorus.insight.common;

import static org.chorus.insight.support.InsightFixtures.activity;
import static org.chorus.insight.support.InsightFixtures.assertFieldRefused;
import static org.chorus.insight.support.InsightFixtures.createActivity;
import static org.chorus.insight.support.InsightFixtures.finding;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.post;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * PostgreSQL refuses NUL in text, so a {@code \u0000} in a finding or activity once came back as a 500 from the
 * insert: it is a 400 problem naming the field and the rule.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class NulInBodyTest {

    private static final String RULE = "must not contain the NUL character";

    @Test
    void aNulInAFindingsStatementOrQuoteIsA400NamingIt() {
        String place = unique("nul");
        UUID org = organisation("Healthwatch Nul", true, place);
        String activity = createActivity(writer(org), activity("Focus group", place));

        refused(post(writer(org), "/api/v1/findings", finding(activity, "Long\u0000 waits", List.of(), List.of())),
                "/statement");
        refused(post(writer(org), "/api/v1/findings",
                finding(activity, "Long waits", List.of(), List.of("Fine", "I waited\u0000"))), "/quotes/1");
    }

    @Test
    void aNulInAnActivityTitleIsA400NamingIt() {
        String place = unique("nul");
        UUID org = organisation("Healthwatch Nul", true, place);
        refused(post(writer(org), "/api/v1/activities", activity("Focus\u0000 group", place)), "/title");
    }

    private static void refused(ValidatableResponse response, String pointer) {
        assertFieldRefused(response, pointer, RULE).body("detail", containsString(pointer));
    }
}
