package org.chorus.insight.codedtext;

import java.sql.Timestamp;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.AnswerCodingData;
import org.chorus.platform.inbox.EventHandler;

/**
 * Keeps, per coded survey answer, the insight themes its first-pass coding maps to. The inbox skips a redelivered
 * event; the version guard also makes an older coding arriving under another event id change nothing. A coding of a
 * response already erased counts nothing: reach keeps the erased response's id ({@code survey_response.erased}), and
 * a coding can arrive after its erasure when a broker failure made the relay send a round again.
 */
@ApplicationScoped
public class CodedAnswerEventHandler implements EventHandler<AnswerCodingData> {

    private static final String CODED = """
            INSERT INTO coded_survey_answer (response_id, question_id, survey_id, theme_codes, coding_version, coded_at)
            SELECT :response, :question, :survey, cast(:themes AS text[]), :version, :at
            WHERE NOT EXISTS (SELECT 1 FROM survey_response WHERE response_id = :response AND erased)
            ON CONFLICT (response_id, question_id) DO UPDATE SET theme_codes = excluded.theme_codes,
                coding_version = excluded.coding_version, coded_at = excluded.coded_at
            WHERE coded_survey_answer.coding_version < excluded.coding_version""";

    private final EntityManager entityManager;

    public CodedAnswerEventHandler(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Set<EventType<AnswerCodingData>> types() {
        return Set.of(ChorusEventTypes.ANSWER_CODED);
    }

    @Override
    public void receive(AnswerCodingData data, ChorusEvent event) {
        if (data.responseId() == null || data.questionId() == null || data.codedAt() == null) {
            throw new IllegalArgumentException("coding event without its response, question or time");
        }
        // the second coder's blind reading measures agreement; what people told us is the first coder's
        if (!"FIRST".equals(data.pass())) {
            return;
        }
        entityManager.createNativeQuery(CODED)
                .setParameter("response", data.responseId())
                .setParameter("question", data.questionId())
                .setParameter("survey", data.surveyId())
                .setParameter("themes", textArray(data))
                .setParameter("version", data.version())
                .setParameter("at", Timestamp.from(data.codedAt()))
                .executeUpdate();
    }

    /** A PostgreSQL array literal: theme codes are lower-case letters, digits and hyphens, but quote them anyway. */
    private static String textArray(AnswerCodingData data) {
        StringBuilder array = new StringBuilder("{");
        for (String theme : data.insightThemes() == null ? List.<String>of() : data.insightThemes()) {
            array.append(array.length() > 1 ? "," : "").append('"')
                    .append(theme.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return array.append('}').toString();
    }
}
