package org.chorus.insight.upload;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.chorus.insight.upload.UploadResourceTest.csv;
import static org.chorus.insight.upload.UploadResourceTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Uploads racing each other: retries of one upload sent at once process the file once and all get its result. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class ConcurrentUploadTest {

    private static final int RACERS = 4;

    @Inject
    UploadRepository uploads;

    @Test
    void concurrentUploadsWithOneIdempotencyKeyProcessTheFileOnce() throws Exception {
        String place = unique("fylde");
        UUID org = organisation("Healthwatch Fylde", true, place);
        String file = file(100, place);
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<ExtractableResponse<Response>>> racing = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                racing.add(pool.submit(() -> {
                    start.await();
                    return given().header("Authorization", writer(org)).header("Idempotency-Key", key)
                            .contentType("text/csv").body(file).when().post("/api/v1/uploads").then().extract();
                }));
            }
            start.countDown();
            Set<String> ids = new java.util.HashSet<>();
            for (Future<ExtractableResponse<Response>> answer : racing) {
                ExtractableResponse<Response> response = answer.get(2, TimeUnit.MINUTES);
                assertEquals(201, response.statusCode(), response.asString());
                assertEquals(100, response.<Integer>path("acceptedRows"));
                ids.add(response.path("id"));
            }
            assertEquals(1, ids.size(), "every racer got the first upload's result: " + ids);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> uploads.count("organisationId", org)),
                "the file was processed once");
    }

    private static String file(int rows, String place) {
        return csv(IntStream.rangeClosed(1, rows).mapToObj(i -> row("C" + i, "Workshop " + i, "Workshop",
                "2019-03-14", "", place, "10", "", "", "", "", "", "")).toArray(String[]::new));
    }
}
