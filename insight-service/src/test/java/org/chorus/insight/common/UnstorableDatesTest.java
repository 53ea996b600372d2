package org.chorus.insight.common;

import static org.chorus.insight.support.InsightFixtures.activity;
import static org.chorus.insight.support.InsightFixtures.assertFieldRefused;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.post;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Jackson reads dates PostgreSQL cannot store (an integer as a day five million years ago, the year 9999999): the insert
 * once failed with a 500; it is a 400 problem naming the field.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class UnstorableDatesTest {

    private static final String RULE = "must be a date between 4713 BC and 5874897 AD";

    @Test
    void aDateOutsidePostgresRangeIsA400NamingIt() {
        String place = unique("dates");
        UUID org = organisation("Healthwatch Dates", true, place);
        Map<String, Object> asDayNumber = new HashMap<>(activity("Focus group", place));
        asDayNumber.put("startDate", Integer.MIN_VALUE);
        assertFieldRefused(post(writer(org), "/api/v1/activities", asDayNumber), "/startDate", RULE);
        Map<String, Object> farFuture = new HashMap<>(activity("Focus group", place));
        farFuture.put("endDate", "+9999999-01-01");
        assertFieldRefused(post(writer(org), "/api/v1/activities", farFuture), "/endDate", RULE);
    }
}
