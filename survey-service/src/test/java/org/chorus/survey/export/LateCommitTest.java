package org.chorus.survey.export;

import static io.restassured.RestAssured.given;
import static org.chorus.survey.SurveyFixtures.analyst;
import static org.chorus.survey.SurveyFixtures.minimal;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.submit;
import static org.chorus.survey.SurveyFixtures.website;
import static org.chorus.survey.export.ExportFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.commons.csv.CSVRecord;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.HeldTransaction;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * An analyst's copy is kept up to date by resuming each export and change feed call from the last one's cursor. A
 * response is stamped when it arrives and seen when it commits; one whose commit is held up until after a call has
 * read past its stamp must be in the next call, exactly once, and so must an erasure's tombstone. (The test profile
 * settles for 0 s, so nothing but the commit snapshot can keep either from being skipped.)
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class LateCommitTest {

    private static final String FEED = "/api/v1/surveys/{surveyId}/responses/changes";

    private final EntityManager entityManager;

    @Inject
    LateCommitTest(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Test
    void aResponseCommittedAfterACallReadPastItsTimeIsInTheNextExportAndFeedOnce() throws Exception {
        String surveyId = openSmallSurvey(newOwner());
        String early = submit(website(), surveyId, minimal())[0];
        ExecutorService website = Executors.newSingleThreadExecutor();
        String late;
        ExtractableResponse<Response> exportWhileHeld;
        ExtractableResponse<Response> feedWhileHeld;
        try (HeldTransaction<Void> writerHeld = HeldTransaction.open(() -> lockAgainstInserts("response"))) {
            Future<String[]> submitted = website.submit(() -> submit(website(), surveyId, minimal()));
            writerHeld.awaitBlocked("INSERT INTO response (");
            exportWhileHeld = export(surveyId, null);
            feedWhileHeld = feed(surveyId, null);
            writerHeld.commit();
            late = submitted.get(1, TimeUnit.MINUTES)[0];
        } finally {
            website.shutdown();
        }
        assertEquals(List.of(early), ids(exportWhileHeld), "the response still committing is not held yet");
        assertEquals(List.of("SUBMITTED " + early), changes(feedWhileHeld));

        String later = submit(website(), surveyId, minimal())[0];
        ExtractableResponse<Response> next = export(surveyId, cursor(exportWhileHeld));
        assertEquals(List.of(late, later), ids(next), "stamped before the cursor's time, committed after its export, "
                + "then the one submitted since, in order of submission");
        assertEquals(List.of(), ids(export(surveyId, cursor(next))), "and only once");
        ExtractableResponse<Response> nextFeed = feed(surveyId, cursor(feedWhileHeld));
        assertEquals(List.of("SUBMITTED " + late, "SUBMITTED " + later), changes(nextFeed));
        assertEquals(List.of(), changes(feed(surveyId, cursor(nextFeed))));
        assertEquals(List.of(early, late, later), ids(export(surveyId, null)));
    }

    @Test
    void anErasureCommittedAfterAFeedReadPastItsTimeIsInTheNextFeedOnce() throws Exception {
        String surveyId = openSmallSurvey(newOwner());
        String[] response = submit(website(), surveyId, minimal());
        String before = cursor(feed(surveyId, null));
        ExecutorService respondent = Executors.newSingleThreadExecutor();
        ExtractableResponse<Response> feedWhileHeld;
        try (HeldTransaction<Void> erasureHeld = HeldTransaction.open(
                () -> lockAgainstInserts("response_erasure"))) {
            Future<Integer> erased = respondent.submit(() -> given().header("Authorization", website())
                    .header("Erasure-Token", response[1]).when().delete("/api/v1/responses/" + response[0])
                    .statusCode());
            erasureHeld.awaitBlocked("INSERT INTO response_erasure");
            feedWhileHeld = feed(surveyId, before);
            erasureHeld.commit();
            assertEquals(204, erased.get(1, TimeUnit.MINUTES));
        } finally {
            respondent.shutdown();
        }
        assertEquals(List.of(), changes(feedWhileHeld), "the erasure still committing is not held yet");

        ExtractableResponse<Response> next = feed(surveyId, cursor(feedWhileHeld));
        assertEquals(List.of("ERASED " + response[0]), changes(next), "erased before the cursor's time, "
                + "committed after its call: the analyst's copy must still drop the row");
        assertEquals(List.of(), changes(feed(surveyId, cursor(next))), "and only once");
    }

    /**
     * Websites submit while an analyst's sync exports again and again from the last cursor: every acknowledged
     * response is in exactly one of the exports.
     */
    @Test
    void everyAcknowledgedResponseIsInExactlyOneExportOfASyncRunningAlongside() throws Exception {
        String surveyId = openSmallSurvey(newOwner());
        int websites = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(websites);
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> submitting = new ArrayList<>();
        try {
            for (int w = 0; w < websites; w++) {
                submitting.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        acknowledged.add(submit(website(), surveyId, minimal())[0]);
                    }
                    return null;
                }));
            }
            List<String> exported = new ArrayList<>();
            String cursor = null;
            start.countDown();
            int exports = 0;
            while (!submitting.stream().allMatch(Future::isDone)) {
                ExtractableResponse<Response> export = export(surveyId, cursor);
                exported.addAll(ids(export));
                cursor = cursor(export);
                exports++;
            }
            for (Future<?> website : submitting) {
                website.get();
            }
            exported.addAll(ids(export(surveyId, cursor)));

            assertEquals(websites * each, acknowledged.size());
            Map<String, Integer> times = new HashMap<>();
            exported.forEach(id -> times.merge(id, 1, Integer::sum));
            assertEquals(Set.of(), new HashSet<>(times.entrySet().stream().filter(e -> e.getValue() > 1)
                    .map(Map.Entry::getKey).toList()), "held twice");
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(times.keySet());
            assertEquals(Set.of(), missing, "acknowledged but in none of " + exports + " exports");
            assertEquals(websites * each, exported.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private Void lockAgainstInserts(String table) {
        // SHARE lets the exports read, and makes every insert wait until the held transaction ends
        entityManager.createNativeQuery("LOCK TABLE " + table + " IN SHARE MODE").executeUpdate();
        return null;
    }

    private static ExtractableResponse<Response> export(String surveyId, String cursor) {
        var request = given().header("Authorization", analyst()).queryParam("format", "csv");
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.when().get(ExportFixtures.EXPORT, surveyId).then().statusCode(200).extract();
    }

    private static ExtractableResponse<Response> feed(String surveyId, String cursor) {
        var request = given().header("Authorization", analyst());
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.when().get(FEED, surveyId).then().statusCode(200).extract();
    }

    private static String cursor(ExtractableResponse<Response> answer) {
        return answer.header(ExportResource.NEXT_CURSOR);
    }

    private static List<String> ids(ExtractableResponse<Response> export) throws IOException {
        List<CSVRecord> records = parse(export.asByteArray());
        return records.subList(1, records.size()).stream().map(r -> r.get(0)).toList();
    }

    private static List<String> changes(ExtractableResponse<Response> feed) {
        List<Map<String, String>> items = feed.path("items");
        Function<Map<String, String>, String> change = item -> item.get("change") + " " + item.get("responseId");
        return items.stream().map(change).toList();
    }
}
