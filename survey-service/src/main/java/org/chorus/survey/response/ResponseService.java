package org.chorus.survey.response;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.ResponseData;
import org.chorus.platform.audit.AuditTrail;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.problem.ProblemException;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.SurveyQueries;

/**
 * Erases responses for whoever holds their receipt, or for their survey's organisation at a respondent's request;
 * accepting them is {@link SubmissionService}'s.
 */
@ApplicationScoped
public class ResponseService {

    /** What let an erasure happen, as its audit entry names it: the receipt's token, or the survey's organisation. */
    private static final String RECEIPT_TOKEN = "receipt-token";
    private static final String SURVEY_ORGANISATION = "survey-organisation";

    private final SurveyQueries surveys;
    private final ResponseStore store;
    private final Event<ResponseErased> erased;
    private final Outbox outbox;
    private final AuditTrail audit;

    public ResponseService(SurveyQueries surveys, ResponseStore store, Event<ResponseErased> erased, Outbox outbox,
            AuditTrail audit) {
        this.surveys = surveys;
        this.store = store;
        this.erased = erased;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * Erases a response for whoever holds its receipt token.
     *
     * @throws ProblemException 404 when the response does not exist or the token is not its token, so that a guess
     *         learns nothing
     */
    @Transactional
    public void erase(UUID responseId, String token) {
        erase(store.lock(responseId)
                .filter(l -> ErasureTokens.matches(token, l.erasureTokenHash()))
                .orElseThrow(() -> ProblemException.notFound("Response with this erasure token", responseId)),
                RECEIPT_TOKEN);
    }

    /**
     * Erases a response for its survey's organisation, which a respondent asked to, quoting the response's id from
     * their receipt: a receipt may have lost its token (a retry's has none), and the organisation answers for the
     * responses it collects. The audit entry names the key that did it.
     *
     * @throws ProblemException 404 for no such survey, or no such response of it; 403 not-owner for another
     *         organisation's survey, before anything about its responses is read
     */
    @Transactional
    public void eraseForRespondent(Caller caller, UUID surveyId, UUID responseId) {
        caller.requireOwnerOf(surveys.latest(surveyId).organisationId(), "survey", "Only the organisation of survey "
                + surveyId + " erases its responses without their receipt's token");
        erase(store.lock(responseId)
                .filter(l -> l.response().surveyId().equals(surveyId))
                .orElseThrow(() -> new ProblemException(404, "not-found", "Not found", "Survey " + surveyId
                        + " has no response " + responseId + ": none was submitted to it, or it was erased")),
                SURVEY_ORGANISATION);
    }

    private void erase(ResponseStore.Locked locked, String authority) {
        StoredResponse response = locked.response();
        PublishedSurvey survey = surveys.version(response.surveyId(), response.surveyVersion());
        store.delete(response, StoredTime.now());
        erased.fire(new ResponseErased(survey, response));
        announce(ChorusEventTypes.RESPONSE_ERASED, survey, response);
        audit.record("response.erased", "response", response.id(), Map.of("surveyId", response.surveyId().toString(),
                "authority", authority));
    }

    /** Keyed by the response: its erasure follows its submission, and a survey's responses spread over partitions. */
    private void announce(EventType<ResponseData> type, PublishedSurvey survey, StoredResponse r) {
        outbox.record(type, r.id(), r.eventData(survey));
    }
}
