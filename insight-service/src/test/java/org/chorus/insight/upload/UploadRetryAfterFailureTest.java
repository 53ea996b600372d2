package org.chorus.insight.upload;

import static io.restassured.RestAssured.given;
import static org.chorus.insight.support.InsightFixtures.organisation;
import static org.chorus.insight.support.InsightFixtures.unique;
import static org.chorus.insight.support.InsightFixtures.writer;
import static org.chorus.insight.upload.UploadResourceTest.csv;
import static org.chorus.insight.upload.UploadResourceTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.HeldTransaction;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Healthwatch staff whose upload failed on its way back (the database connection that held their Idempotency-Key lost
 * after the upload began) send it again with the same key, as the 503 tells them: the upload is made once, and the
 * retry answers with it as it stands.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class UploadRetryAfterFailureTest {

    private final EntityManager entityManager;
    private final UploadRepository uploads;

    @Inject
    UploadRetryAfterFailureTest(EntityManager entityManager, UploadRepository uploads) {
        this.entityManager = entityManager;
        this.uploads = uploads;
    }

    @Test
    void aRetryAfterTheRequestFailedBehindACommittedUploadDoesNotUploadAgain() throws Exception {
        String place = unique("chorley");
        UUID org = organisation("Healthwatch Chorley", true, place);
        String file = csv(row("R1", "Carers' coffee morning", "Workshop", "2019-03-14", "", place, "12", "", "", "", "",
                "", ""));
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> failed;
        try (HeldTransaction<Void> rowsHeld = HeldTransaction.open(() -> {
            // SHARE lets every read through and holds the upload's rows back, after the upload itself committed
            entityManager.createNativeQuery("LOCK TABLE activity IN SHARE MODE").executeUpdate();
            return null;
        })) {
            CompletableFuture<ExtractableResponse<Response>> first = CompletableFuture.supplyAsync(() -> upload(org,
                    key, file));
            rowsHeld.awaitSomeoneBlocked();
            assertEquals(1, terminateTheSessionHoldingTheKey(org, key), "the request's own transaction, holding its key");
            rowsHeld.commit();
            failed = first.get(1, TimeUnit.MINUTES);
        }
        assertEquals(503, failed.statusCode(), failed.asString());

        ExtractableResponse<Response> retried = upload(org, key, file);
        assertEquals(201, retried.statusCode(), retried.asString());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> uploads.count("organisationId", org)),
                "the retry replayed the upload the failed request had made");
        assertEquals("DONE", retried.path("status"), "as it stands now, not as it was when the key was recorded");
        assertEquals(1, retried.<Integer>path("acceptedRows"));
        assertEquals(List.of(retried.<String>path("id")), given().header("Authorization", writer(org))
                .when().get("/api/v1/uploads").then().statusCode(200).extract().path("items.id"));
    }

    private static ExtractableResponse<Response> upload(UUID org, String key, String file) {
        return given().header("Authorization", writer(org)).header("Idempotency-Key", key).contentType("text/csv")
                .body(file).when().post("/api/v1/uploads").then().extract();
    }

    /** The session that took the key's lock (IdempotencyStore) and now waits, in its transaction, for the upload. */
    private int terminateTheSessionHoldingTheKey(UUID org, String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery("""
                WITH held AS (SELECT hashtextextended('idempotency/' || :caller || '/' || :key, 0) AS lock)
                SELECT count(pg_terminate_backend(l.pid)) FROM pg_locks l, held
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                  AND l.classid::bigint = (held.lock >> 32) & 4294967295 AND l.objid::bigint = held.lock & 4294967295
                """).setParameter("caller", org.toString()).setParameter("key", key).getSingleResult()).intValue());
    }
}
