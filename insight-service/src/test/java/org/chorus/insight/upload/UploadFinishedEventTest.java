package org.chorus.insight.upload;

import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.post;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.UploadData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A finished upload is announced once, with its row counts and nothing of its rows (partners' webhooks hear it). */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class UploadFinishedEventTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void aFinishedUploadIsAnnouncedWithItsCounts() {
        String place = unique("preston");
        UUID org = organisation("Healthwatch Uploads Announced", true, place);
        Map<String, Object> good = Map.of("reference", "U1", "title", "Drop-in", "method", "COMMUNITY_GROUP_DISCUSSION",
                "startDate", "2019-02-01", "placeCodes", List.of(place), "participantCount", 9);
        Map<String, Object> bad = Map.of("reference", "U2", "title", "Cards", "method", "SEANCE",
                "startDate", "2019-02-01", "placeCodes", List.of(place), "participantCount", 3);
        String upload = post(writer(org), "/api/v1/uploads", Map.of("activities", List.of(good, bad)))
                .statusCode(201).extract().path("id");

        EventProbe.await(ChorusEventTypes.INSIGHT_UPLOADS, e -> e.aggregateId().equals(upload), Duration.ofSeconds(20));
        var events = EventProbe.all(ChorusEventTypes.INSIGHT_UPLOADS, e -> e.aggregateId().equals(upload));
        assertEquals(1, events.size());
        assertEquals(ChorusEventTypes.UPLOAD_FINISHED.type(), events.get(0).type());
        UploadData data = events.get(0).dataAs(mapper, UploadData.class);
        assertEquals(org, data.organisationId());
        assertEquals(List.of(2, 1, 0, 1), List.of(data.processedRows(), data.acceptedRows(), data.updatedRows(),
                data.rejectedRows()));
    }
}
