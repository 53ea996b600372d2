package org.chorus.survey.definition;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.problem.ProblemException;

/**
 * Reads surveys for each kind of caller. A survey's owner sees all of its surveys with their drafts; everyone else
 * sees only surveys open right now, so a draft or a closed survey never shows on a partner website.
 */
@ApplicationScoped
public class SurveyQueries {

    private final SurveyRepository surveys;
    private final SurveyStateStore states;
    private final SurveyViews views;

    public SurveyQueries(SurveyRepository surveys, SurveyStateStore states, SurveyViews views) {
        this.surveys = surveys;
        this.states = states;
        this.views = views;
    }

    @Transactional
    public Survey get(Caller caller, UUID id, String language) {
        SurveyEntity entity = surveys.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Survey", id));
        if (isOwner(caller, entity)) {
            return views.forOwner(entity);
        }
        if (!entity.acceptsResponsesAt(StoredTime.now())) {
            throw ProblemException.notFound("Survey", id);
        }
        return views.forRespondent(entity, language);
    }

    /** The caller's own surveys for a survey manager; the surveys open now for everyone else. */
    @Transactional
    public Page<Survey> list(Caller caller, SurveyStatus status, String language, int limit, String cursor) {
        Cursor after = Cursor.decode(cursor);
        Instant afterTime = Cursor.instantOf(after);
        UUID afterId = after == null ? null : after.id();
        boolean manager = caller.has(Scopes.SURVEYS_MANAGE);
        List<SurveyEntity> fetched = manager
                ? surveys.ofOrganisation(caller.organisationId(), status, afterTime, afterId, limit + 1)
                : surveys.answerable(StoredTime.now(), afterTime, afterId, limit + 1);
        return Page.of(fetched, limit, s -> new Cursor(s.createdAt.toString(), s.id).encode())
                .map(s -> manager ? views.forOwner(s) : views.forRespondent(s, language));
    }

    /**
     * The version respondents answer now, as far as this replica knows: the insert of the response carries
     * {@link StillAccepting}, and a submission whose insert finds the survey changed calls {@link #forget} and asks
     * again. A refusal is always checked against the database first.
     *
     * Begins no transaction: the state and the definition are nearly always remembered, and the rare read commits on
     * its own.
     *
     * @throws ProblemException 404 for a draft, 409 {@code survey-closed} after closing, 409 {@code survey-not-open}
     *         before opening
     */
    public PublishedSurvey acceptingResponses(UUID id, Instant now) {
        SurveyStateStore.SurveyState survey = states.remembered(id);
        if (survey == null || refusal(id, survey, now) != null) {
            survey = states.find(id).orElse(null);
            ProblemException refused = refusal(id, survey, now);
            if (refused != null) {
                throw refused;
            }
        }
        return views.version(id, survey.organisationId(), survey.publishedVersion());
    }

    /**
     * The version respondents answer now if this replica remembers the survey as taking responses and has read that
     * version: what a submission on an event loop, which must not wait for the database, can know at once.
     *
     * @return null when only the database can tell: the survey is not remembered, its version not read, or it would be
     *         refused as remembered (a refusal is always checked against the database first)
     */
    public PublishedSurvey acceptingResponsesAsRemembered(UUID id, Instant now) {
        SurveyStateStore.SurveyState survey = states.remembered(id);
        if (survey == null || refusal(id, survey, now) != null) {
            return null;
        }
        return views.versionIfRead(id, survey.publishedVersion());
    }

    /** The state this replica remembered of the survey was out of date: the next submission reads it again. */
    public void forget(UUID id) {
        states.forget(id);
    }

    /** Mirrors {@link StillAccepting#condition}; null when the survey takes responses at {@code now}. */
    private static ProblemException refusal(UUID id, SurveyStateStore.SurveyState survey, Instant now) {
        if (survey == null || survey.publishedVersion() == null) {
            return ProblemException.notFound("Survey", id);
        }
        if (SurveyViews.effectiveStatus(survey.status(), survey.closesAt(), now) == SurveyStatus.CLOSED) {
            return new ProblemException(409, "survey-closed", "Survey closed",
                    "Survey " + id + " closed at " + survey.closesAt() + " and no longer accepts responses");
        }
        if (survey.opensAt() != null && now.isBefore(survey.opensAt())) {
            return new ProblemException(409, "survey-not-open", "Survey not open yet",
                    "Survey " + id + " opens at " + survey.opensAt());
        }
        return null;
    }

    /** Any published version, for results and exports. */
    @Transactional
    public PublishedSurvey version(UUID id, int version) {
        SurveyEntity entity = surveys.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Survey", id));
        return views.version(entity, version);
    }

    /**
     * A survey whose owner published its results summary, for anyone with a key.
     *
     * @throws ProblemException 404 alike for no such survey and for results not published, so that unpublished
     *         results do not even reveal that the survey exists
     */
    @Transactional
    public PublishedResults withPublishedResults(UUID id) {
        SurveyEntity entity = surveys.findByIdOptional(id).filter(SurveyEntity::resultsPublished)
                .orElseThrow(() -> ProblemException.notFound("Published results of survey", id));
        return new PublishedResults(views.published(entity), SurveyViews.effectiveStatus(entity, StoredTime.now()),
                entity.resultsPublishedAt, entity.version);
    }

    /** The latest published version, whose labels results use. */
    @Transactional
    public PublishedSurvey latest(UUID id) {
        SurveyEntity entity = surveys.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Survey", id));
        return views.published(entity);
    }

    private static boolean isOwner(Caller caller, SurveyEntity entity) {
        return caller.has(Scopes.SURVEYS_MANAGE) && caller.belongsTo(entity.organisationId);
    }
}
