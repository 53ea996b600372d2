package org.chorus.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The coder's list through the gateway with 100,000 free-text answers (target: p99 under 50 ms for the first page of
 * uncoded answers): once with nothing coded, and once after the first half was coded in the list's own order, which is
 * how coders work and what made the list slow when it skipped coded answers one by one. The answers are written by
 * SQL (the coding state too, as the service keeps it), since the figure is about reading the list.
 *
 * <pre>./mvnw -o -q -pl bench -am compile exec:exec@coding-list -Dexec.skip -Dexec.executable=java</pre>
 */
public final class CodingListBench {

    private static final int ANSWERS = 100_000;
    private static final int REQUESTS = 2_000;
    private static final int PAGE = 50;

    private CodingListBench() {
    }

    public static void main(String[] args) throws Exception {
        int answers = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : ANSWERS;
        try (BenchStack bench = BenchStack.start()) {
            String surveyId = bench.surveyId();
            String questionId = freeTextQuestion(bench.definition());
            String list = "/api/v1/surveys/" + surveyId + "/coding/answers?limit=" + PAGE + "&questionId=" + questionId;
            BenchStack.ApiKey coder = bench.issueSecret(list, "coding:write", "coding:manage");
            String frameId = frame(bench, coder);
            String jdbc = bench.stack().jdbcUrl("survey");
            long start = System.nanoTime();
            load(bench, jdbc, surveyId, questionId, answers);
            System.out.printf("loaded %,d free-text answers in %.1f s%n", answers, (System.nanoTime() - start) / 1e9);

            // the services' first thousands of requests run partly interpreted: shown, but not the steady figure
            Histogram cold = LatencyBench.latencies(bench.gateway(), bench.gateway().get(list, coder.bearer()),
                    REQUESTS);
            Histogram uncoded = LatencyBench.latencies(bench.gateway(), bench.gateway().get(list, coder.bearer()),
                    REQUESTS);
            codeFirstHalf(bench, jdbc, surveyId, questionId, frameId, answers);
            Histogram halfCoded = LatencyBench.latencies(bench.gateway(), bench.gateway().get(list, coder.bearer()),
                    REQUESTS);
            System.out.println();
            System.out.printf("Coder's list, first page of %d uncoded answers of %,d, through the gateway "
                    + "(%,d requests after a warm-up, one at a time; target p99 < 50 ms)%n", PAGE, answers, REQUESTS);
            print("nothing coded, just started", cold);
            print("nothing coded yet", uncoded);
            print("first half coded, in list order", halfCoded);
            bench.discardHomeOnClose();
        }
        System.exit(0);
    }

    private static void print(String what, Histogram h) {
        System.out.printf("  %-32s p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms%n", what,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    private static String freeTextQuestion(JsonNode definition) {
        for (JsonNode section : definition.path("sections")) {
            for (JsonNode question : section.path("questions")) {
                if (question.path("type").asText().equals("FREE_TEXT")) {
                    return question.path("id").asText();
                }
            }
        }
        throw new IllegalStateException("The seed survey has no free-text question");
    }

    private static String frame(BenchStack bench, BenchStack.ApiKey coder) throws Exception {
        ObjectNode body = BenchClient.JSON.createObjectNode().put("name", "Coding list bench");
        body.putArray("categories").addObject().put("code", "access").put("label", "Access");
        return BenchClient.JSON.readTree(bench.gateway().send(bench.gateway().post("/api/v1/coding-frames",
                coder.bearer(), body)).body()).path("id").asText();
    }

    /** Answers submitted a second apart, the newest a day ago: inside every export's settle horizon. */
    private static void load(BenchStack bench, String jdbc, String surveyId, String questionId, int answers)
            throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc, bench.stack().dbUser(),
                bench.stack().dbPassword());
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO response (id, survey_id, survey_version, channel, via_organisation_id,
                                              submitted_at, answers, erasure_token_hash, language)
                        SELECT gen_random_uuid(), s.id, s.published_version, 'ONLINE', ?,
                               now() - interval '1 day' - make_interval(secs => ? - g),
                               jsonb_build_object(?::text, jsonb_build_object('text',
                                   'Answer ' || g || ': the wait for an appointment was long and parking was hard')),
                               md5('coding-list-bench:' || g), 'en'
                        FROM survey s CROSS JOIN generate_series(1, ?) AS g WHERE s.id = ?""")) {
            insert.setObject(1, bench.organisationId());
            insert.setInt(2, answers);
            insert.setString(3, questionId);
            insert.setInt(4, answers);
            insert.setObject(5, UUID.fromString(surveyId));
            insert.executeUpdate();
            analyze(connection);
        }
    }

    /** As coders working down the list leave it: the first half coded, those responses off the waiting list. */
    private static void codeFirstHalf(BenchStack bench, String jdbc, String surveyId, String questionId,
            String frameId, int answers) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc, bench.stack().dbUser(),
                bench.stack().dbPassword());
                PreparedStatement code = connection.prepareStatement("""
                        WITH first AS (
                            SELECT id FROM response WHERE survey_id = ? AND (answers -> ?) IS NOT NULL
                            ORDER BY submitted_at, id LIMIT ?),
                        coded AS (
                            INSERT INTO answer_coding (response_id, question_id, pass, survey_id, frame_id,
                                                       frame_version, categories, cannot_be_coded, version, coded_at)
                            SELECT id, ?, 'FIRST', ?, ?, 1, '{access}', false, 1, now() FROM first RETURNING response_id)
                        UPDATE response SET coding_done = true WHERE id IN (SELECT response_id FROM coded)""")) {
            UUID survey = UUID.fromString(surveyId);
            code.setObject(1, survey);
            code.setString(2, questionId);
            code.setInt(3, answers / 2);
            code.setString(4, questionId);
            code.setObject(5, survey);
            code.setObject(6, UUID.fromString(frameId));
            code.executeUpdate();
            analyze(connection);
        }
    }

    private static void analyze(Connection connection) throws Exception {
        try (Statement analyze = connection.createStatement()) {
            analyze.execute("VACUUM ANALYZE response");
            analyze.execute("VACUUM ANALYZE answer_coding");
        }
    }
}
