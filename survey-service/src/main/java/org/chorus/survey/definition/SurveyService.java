package org.chorus.survey.definition;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.platform.audit.AuditTrail;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.SurveyData;
import org.chorus.platform.lock.NamedLocks;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.ETags;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.problem.ProblemException;

/**
 * Creates and edits drafts, publishes them as frozen versions, closes surveys and publishes or withdraws their results
 * summary, announcing each on {@code survey.surveys}. Only the owning organisation changes a survey.
 */
@ApplicationScoped
public class SurveyService {

    private final SurveyRepository surveys;
    private final SurveyVersionRepository versions;
    private final DefinitionCodec codec;
    private final SurveyViews views;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final DepartedOrganisationRepository departed;
    private final NamedLocks locks;

    public SurveyService(SurveyRepository surveys, SurveyVersionRepository versions, DefinitionCodec codec,
            SurveyViews views, Outbox outbox, AuditTrail audit, DepartedOrganisationRepository departed,
            NamedLocks locks) {
        this.surveys = surveys;
        this.versions = versions;
        this.codec = codec;
        this.views = views;
        this.outbox = outbox;
        this.audit = audit;
        this.departed = departed;
        this.locks = locks;
    }

    @Transactional
    public Survey create(Caller caller, SurveyDefinition definition) {
        DefinitionRules.check(definition);
        SurveyEntity entity = new SurveyEntity();
        entity.id = UUID.randomUUID();
        entity.organisationId = caller.organisationId();
        entity.status = SurveyStatus.DRAFT;
        entity.createdAt = StoredTime.now();
        setDraft(entity, definition);
        surveys.persist(entity);
        surveys.flush();
        return views.forOwner(entity);
    }

    /** Replaces the draft; on an open survey this prepares the next version and changes nothing respondents see. */
    @Transactional(dontRollbackOn = ClosedSurvey.class)
    public Survey updateDraft(Caller caller, UUID id, String ifMatch, SurveyDefinition definition) {
        SurveyEntity entity = ownedForUpdate(caller, id, ifMatch);
        requireNotClosed(entity);
        DefinitionRules.check(definition);
        setDraft(entity, definition);
        surveys.flush();
        return views.forOwner(entity);
    }

    /**
     * Freezes the draft as the next version, which respondents answer from now on. Publishing shares the owner's
     * departure lock, so that a deactivation arriving meanwhile waits and then closes what this opened, and a publish
     * after it waits for it and is refused.
     */
    @Transactional(dontRollbackOn = ClosedSurvey.class)
    public Survey publish(Caller caller, UUID id, String ifMatch) {
        locks.share(departureLock(caller.organisationId()));
        SurveyEntity entity = ownedForUpdate(caller, id, ifMatch);
        requireNotDeparted(entity.organisationId);
        requireNotClosed(entity);
        if (entity.draft == null) {
            throw new ProblemException(409, "nothing-to-publish", "Nothing to publish",
                    "Version " + entity.publishedVersion + " is already published and there are no edits since");
        }
        SurveyDefinition definition = codec.read(entity.draft);
        Instant now = StoredTime.now();
        if (definition.closesAt() != null && !definition.closesAt().isAfter(now)) {
            throw ProblemException.invalidField("/closesAt", "is in the past: a survey cannot open already closed");
        }
        SurveyVersionEntity version = new SurveyVersionEntity();
        version.key = new SurveyVersionEntity.Key(id, entity.publishedVersion == null ? 1 : entity.publishedVersion + 1);
        version.definition = entity.draft;
        version.publishedAt = now;
        versions.persist(version);
        entity.publishedVersion = version.key.version();
        entity.status = SurveyStatus.OPEN;
        entity.opensAt = definition.opensAt();
        entity.closesAt = definition.closesAt();
        entity.title = definition.title().english();
        entity.draft = null;
        entity.updatedAt = now;
        return announce(ChorusEventTypes.SURVEY_PUBLISHED, entity);
    }

    /** Stops accepting responses now; closing twice is harmless and announces once. */
    @Transactional
    public Survey close(Caller caller, UUID id, String ifMatch) {
        SurveyEntity entity = ownedForUpdate(caller, id, ifMatch);
        if (entity.status == SurveyStatus.CLOSED) {
            return views.forOwner(entity);
        }
        if (entity.status == SurveyStatus.DRAFT) {
            throw new ProblemException(409, "not-published", "Survey never published",
                    "A draft has never been open, so it cannot be closed; publish it first or leave it as a draft");
        }
        return closeNow(entity, StoredTime.now());
    }

    /**
     * Shows the results summary to anyone with a key, partner websites included. Only a survey that was published has
     * results; publishing them again changes and records nothing.
     */
    @Transactional
    public Survey publishResults(Caller caller, UUID id, String ifMatch) {
        return setResultsPublished(ownedForUpdate(caller, id, ifMatch), true);
    }

    /** Hides the results summary again from everyone but analysts; withdrawing what is hidden changes nothing. */
    @Transactional
    public Survey withdrawResults(Caller caller, UUID id, String ifMatch) {
        return setResultsPublished(ownedForUpdate(caller, id, ifMatch), false);
    }

    private Survey setResultsPublished(SurveyEntity entity, boolean published) {
        if (entity.resultsPublished() == published) {
            return views.forOwner(entity);
        }
        if (entity.status == SurveyStatus.DRAFT) {
            throw new ProblemException(409, "not-published", "Survey never published",
                    "Survey " + entity.id + " is a draft: only the results of a published survey (open or closed) "
                            + "can be published; publish the survey first");
        }
        Instant now = StoredTime.now();
        entity.resultsPublishedAt = published ? now : null;
        entity.updatedAt = now;
        // Who released results to the public, and who took them back, belongs in the system's audit log.
        audit.record(published ? "survey-results.published" : "survey-results.withdrawn", "survey", entity.id,
                Map.of("version", Integer.toString(entity.publishedVersion)));
        return announce(published ? ChorusEventTypes.SURVEY_RESULTS_PUBLISHED
                : ChorusEventTypes.SURVEY_RESULTS_WITHDRAWN, entity);
    }

    /** Closes the open surveys whose closing time has passed, so that other services hear that they closed. */
    @Transactional
    public int closeDue(Instant now, int limit) {
        var due = surveys.dueToClose(now, limit);
        due.forEach(entity -> closeNow(entity, now));
        return due.size();
    }

    /**
     * Closes every open survey of an organisation that has left the partnership: the public is no longer asked what
     * no partner will act on. What was answered is kept. The departure is remembered, so that none of its drafts opens
     * later.
     *
     * @return how many were closed
     */
    @Transactional
    public int closeAllOf(UUID organisationId, Instant now) {
        locks.hold(departureLock(organisationId));
        departed.record(organisationId, now);
        var open = surveys.openOf(organisationId);
        open.forEach(entity -> closeNow(entity, now));
        return open.size();
    }

    private Survey closeNow(SurveyEntity entity, Instant now) {
        entity.status = SurveyStatus.CLOSED;
        if (entity.closesAt == null || entity.closesAt.isAfter(now)) {
            entity.closesAt = now;
        }
        entity.updatedAt = now;
        return announce(ChorusEventTypes.SURVEY_CLOSED, entity);
    }

    private SurveyEntity ownedForUpdate(Caller caller, UUID id, String ifMatch) {
        SurveyEntity entity = surveys.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("Survey", id));
        caller.requireOwnerOf(entity.organisationId, "survey",
                "Only the organisation that owns survey " + id + " can change it");
        ETags.requireMatch(ifMatch, entity.version);
        return entity;
    }

    /**
     * Closed as respondents and readers see it: an open survey past its closing time is closed even before the closing
     * job has recorded it, or an edit and a publish in between would open it again. Such a closing is recorded here,
     * and the refusal commits it, so that SurveyClosed is announced now. Both this and the job close under the row's
     * lock and only a survey recorded open, so whichever comes first announces the closing and the other does not.
     */
    private void requireNotClosed(SurveyEntity entity) {
        Instant now = StoredTime.now();
        if (SurveyViews.effectiveStatus(entity, now) != SurveyStatus.CLOSED) {
            return;
        }
        if (entity.status != SurveyStatus.CLOSED) {
            closeNow(entity, now);
        }
        throw new ClosedSurvey(entity.id);
    }

    private void requireNotDeparted(UUID organisationId) {
        departed.departedAt(organisationId).ifPresent(at -> {
            throw new ProblemException(409, "organisation-deactivated", "Organisation deactivated",
                    "Organisation " + organisationId + " was deactivated at " + at
                            + " and has left the partnership: its surveys can no longer open");
        });
    }

    /** Taken by a publish before the survey's row, and by a deactivation before the surveys it closes. */
    private static String departureLock(UUID organisationId) {
        return "organisation-departure/" + organisationId;
    }

    private void setDraft(SurveyEntity entity, SurveyDefinition definition) {
        entity.draft = codec.write(definition);
        entity.title = definition.title().english();
        entity.markChanged();
    }

    private Survey announce(EventType<SurveyData> type, SurveyEntity entity) {
        surveys.flush();
        outbox.record(type, entity.id, new SurveyData(entity.id, entity.organisationId, entity.publishedVersion,
                entity.title, entity.status.name(), entity.opensAt, entity.closesAt));
        return views.forOwner(entity);
    }

    /** The refusal to change a closed survey; the only one whose transaction still commits, with the closing. */
    private static final class ClosedSurvey extends ProblemException {

        ClosedSurvey(UUID id) {
            super(409, "survey-closed", "Survey closed",
                    "Survey " + id + " is closed; a closed survey cannot be changed or published again");
        }
    }
}
