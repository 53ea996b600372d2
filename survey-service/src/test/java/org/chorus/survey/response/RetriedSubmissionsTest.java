package org.chorus.survey.response;

import static org.awaitility.Awaitility.await;
import static org.chorus.survey.SurveyFixtures.minimal;
import static org.chorus.survey.SurveyFixtures.newOwner;
import static org.chorus.survey.SurveyFixtures.openSmallSurvey;
import static org.chorus.survey.SurveyFixtures.website;
import static org.chorus.survey.response.ResponseResourceTest.receiptsOfCopiesSentAtOnce;
import static org.chorus.survey.response.ResponseResourceTest.submitWithKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.StoredRows;
import org.chorus.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A website retrying a submission is routine (a timeout, a page reloaded), not a fault: it gets its first receipt, and
 * PostgreSQL's log, where an operator looks for faults, says nothing of it. Each retry wrote an ERROR line there, a
 * unique violation on the idempotency record, and undid the statement of every response stored with it.
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class RetriedSubmissionsTest {

    private static final int COPIES = 8;

    private final DataSource dataSource;

    @Inject
    RetriedSubmissionsTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void retriesLaterAndCopiesSentAtOnceGetTheFirstReceiptAndLeavePostgresLogQuiet() throws Exception {
        String surveyId = openSmallSurvey(newOwner());
        String website = website();
        String retried = UUID.randomUUID().toString();
        String copied = UUID.randomUUID().toString();
        int logBefore = TestInfrastructure.get().postgresLog().size();

        String first = submitWithKey(website, surveyId, retried, minimal()).statusCode(201).extract().path("responseId");
        for (int retry = 0; retry < 3; retry++) {
            assertEquals(first, submitWithKey(website, surveyId, retried, minimal()).statusCode(201).extract()
                    .path("responseId"));
        }
        assertEquals(1, receiptsOfCopiesSentAtOnce(COPIES, website, surveyId, copied, minimal()).size(),
                "one receipt for every copy");

        assertEquals(2, StoredRows.count("SELECT 1 FROM response WHERE survey_id = ?::uuid", surveyId));
        assertEquals(List.of(), linesAboutIdempotencyRecordsAfter(logBefore));
    }

    /**
     * The lines of PostgreSQL's log that mention idempotency records, once a failing statement sent after the
     * requests is in it: whatever the requests made PostgreSQL write is written by then.
     */
    private List<String> linesAboutIdempotencyRecordsAfter(int logBefore) throws SQLException {
        String marker = "marker-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.execute("SELECT '" + marker + "'::int"));
        }
        await("the marker in PostgreSQL's log").atMost(Duration.ofSeconds(10))
                .until(() -> TestInfrastructure.get().postgresLog().stream().anyMatch(line -> line.contains(marker)));
        List<String> log = TestInfrastructure.get().postgresLog();
        return log.subList(logBefore, log.size()).stream().filter(line -> line.contains("idempotency_record")).toList();
    }
}
