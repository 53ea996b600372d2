package org.chorus.insight.reach;

import java.sql.Timestamp;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.ResponseData;
import org.chorus.platform.inbox.EventHandler;

/**
 * Counts survey responses for reach summaries from {@code survey.responses}. The inbox already skips a redelivered
 * event; the upserts also make a submission after its erasure (or twice under another event id) change nothing.
 */
@ApplicationScoped
public class SurveyResponseEventHandler implements EventHandler<ResponseData> {

    private static final String SUBMITTED = """
            INSERT INTO survey_response (response_id, survey_id, survey_organisation_id, via_organisation_id, place_code,
                                         channel, submitted_at, erased)
            VALUES (:id, :survey, :owner, :via, :place, :channel, :at, false)
            ON CONFLICT (response_id) DO NOTHING""";
    private static final String ERASED = """
            INSERT INTO survey_response (response_id, erased) VALUES (:id, true)
            ON CONFLICT (response_id) DO UPDATE SET erased = true""";

    private final EntityManager entityManager;

    public SurveyResponseEventHandler(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Set<EventType<ResponseData>> types() {
        return Set.of(ChorusEventTypes.RESPONSE_SUBMITTED, ChorusEventTypes.RESPONSE_ERASED);
    }

    @Override
    public void receive(ResponseData data, ChorusEvent event) {
        if (data.responseId() == null) {
            throw new IllegalArgumentException("response event without a response id");
        }
        if (ChorusEventTypes.RESPONSE_SUBMITTED.type().equals(event.type())) {
            if (data.submittedAt() == null) {
                throw new IllegalArgumentException("submitted response without submittedAt");
            }
            entityManager.createNativeQuery(SUBMITTED)
                    .setParameter("id", data.responseId())
                    .setParameter("survey", data.surveyId())
                    .setParameter("owner", data.surveyOrganisationId())
                    .setParameter("via", data.viaOrganisationId())
                    .setParameter("place", data.placeCode())
                    .setParameter("channel", data.channel())
                    .setParameter("at", Timestamp.from(data.submittedAt()))
                    .executeUpdate();
        } else {
            entityManager.createNativeQuery(ERASED).setParameter("id", data.responseId()).executeUpdate();
        }
    }
}
