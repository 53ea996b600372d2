package org.chorus.localstack.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.chorus.localstack.RunningStack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a drill's responses ended up: the survey service's own rows (read over JDBC, the only exact count), insight's
 * copies of them (what reach counts), reach as callers see it, and the survey's results.
 */
final class EffectProbe {

    private final RunningStack stack;
    private final GatewayCaller staff;

    EffectProbe(RunningStack stack, GatewayCaller staff) {
        this.stack = stack;
        this.staff = staff;
    }

    /** What the survey's results count, and how many accepted responses they do not include yet. */
    record Tally(long counted, long notYetCounted) {
    }

    /** The response ids the survey database holds for the survey. */
    Set<UUID> inSurveyDatabase(UUID survey) {
        return ids("survey", "SELECT id FROM response WHERE survey_id = ?", survey);
    }

    /** The survey's responses insight has heard of from ResponseSubmitted events, each once by its primary key. */
    Set<UUID> inInsight(UUID survey) {
        return ids("insight", "SELECT response_id FROM survey_response WHERE survey_id = ? AND NOT erased", survey);
    }

    /** Survey responses reach counts for the whole partnership around today, as an analyst would ask. */
    long reach() {
        return GatewayCaller.expect(staff.get(reachPath()), 200).path("surveyResponses").asLong();
    }

    /** Reach for the whole partnership from yesterday to tomorrow: every response of a drill, whatever the hour. */
    static String reachPath() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return "/api/v1/reach?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
    }

    Tally results(DrillSurvey survey) {
        JsonNode results = GatewayCaller.expect(staff.get(survey.resultsPath()), 200);
        JsonNode responses = results.path("groups").path(0).path("responses");
        if (!responses.path("count").isNumber()) {
            throw new IllegalStateException("The results do not show a response count: " + results);
        }
        return new Tally(responses.path("count").asLong(), results.path("responsesNotYetCounted").asLong());
    }

    private Set<UUID> ids(String database, String sql, UUID survey) {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(database), stack.dbUser(),
                stack.dbPassword()); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, survey);
            Set<UUID> ids = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the " + database + " database: " + e.getMessage(), e);
        }
    }
}
