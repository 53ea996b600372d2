package org.chorus.insight.reach;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.ResponseData;
import org.chorus.platform.inbox.EventHandler;

/**
 * Counts survey responses for reach summaries from {@code survey.responses}, the busiest topic insight reads: a
 * poll's submissions go in one statement, and each run of erasures in another. The inbox already skips a redelivered
 * event; the upserts also make a submission after its erasure (or twice under another event id) change nothing.
 */
@ApplicationScoped
public class SurveyResponseEventHandler implements EventHandler<ResponseData> {

    private static final String SUBMITTED = """
            INSERT INTO survey_response (response_id, survey_id, survey_organisation_id, via_organisation_id, place_code,
                                         channel, submitted_at, erased)
            SELECT r.*, false FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[],
                                          ?::timestamptz[]) AS r
            ON CONFLICT (response_id) DO NOTHING""";
    private static final String ERASED = """
            INSERT INTO survey_response (response_id, erased) SELECT DISTINCT id, true FROM unnest(?::uuid[]) AS id
            ON CONFLICT (response_id) DO UPDATE SET erased = true""";

    private final DataSource dataSource;

    public SurveyResponseEventHandler(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Set<EventType<ResponseData>> types() {
        return Set.of(ChorusEventTypes.RESPONSE_SUBMITTED, ChorusEventTypes.RESPONSE_ERASED);
    }

    @Override
    public void receive(ResponseData data, ChorusEvent event) {
        receiveAll(List.of(new Received<>(data, event)));
    }

    /** In runs of one type, in order, so that the outcome is what applying them one by one would give. */
    @Override
    public void receiveAll(List<Received<ResponseData>> events) {
        events.forEach(SurveyResponseEventHandler::check);
        int from = 0;
        while (from < events.size()) {
            String type = events.get(from).event().type();
            int to = from;
            while (to < events.size() && events.get(to).event().type().equals(type)) {
                to++;
            }
            List<ResponseData> run = events.subList(from, to).stream().map(Received::data).toList();
            if (ChorusEventTypes.RESPONSE_SUBMITTED.type().equals(type)) {
                submitted(run);
            } else {
                erased(run);
            }
            from = to;
        }
    }

    private static void check(Received<ResponseData> received) {
        if (received.data().responseId() == null) {
            throw new IllegalArgumentException("response event without a response id");
        }
        if (ChorusEventTypes.RESPONSE_SUBMITTED.type().equals(received.event().type())
                && received.data().submittedAt() == null) {
            throw new IllegalArgumentException("submitted response without submittedAt");
        }
    }

    private void submitted(List<ResponseData> run) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(SUBMITTED)) {
            insert.setArray(1, array(connection, "uuid", run, ResponseData::responseId));
            insert.setArray(2, array(connection, "uuid", run, ResponseData::surveyId));
            insert.setArray(3, array(connection, "uuid", run, ResponseData::surveyOrganisationId));
            insert.setArray(4, array(connection, "uuid", run, ResponseData::viaOrganisationId));
            insert.setArray(5, array(connection, "text", run, ResponseData::placeCode));
            insert.setArray(6, array(connection, "text", run, ResponseData::channel));
            insert.setArray(7, array(connection, "timestamptz", run, r -> Timestamp.from(r.submittedAt())));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Responses not counted for reach: " + e.getMessage(), e);
        }
    }

    private void erased(List<ResponseData> run) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement(ERASED)) {
            upsert.setArray(1, array(connection, "uuid", run, ResponseData::responseId));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Erasures not applied to reach: " + e.getMessage(), e);
        }
    }

    private static java.sql.Array array(Connection connection, String type, List<ResponseData> run,
            Function<ResponseData, Object> column) throws SQLException {
        List<Object> values = new ArrayList<>(run.size());
        run.forEach(r -> values.add(column.apply(r)));
        return connection.createArrayOf(type, values.toArray());
    }
}
