package org.chorus.survey.definition;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.problem.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Builds what each kind of caller may see of a survey: the owner its draft, everyone else the published version. */
@ApplicationScoped
public class SurveyViews {

    private static final int MAX_CACHED = 1000;

    private final SurveyVersionRepository versions;
    private final DefinitionCodec codec;
    private final Map<SurveyVersionEntity.Key, PublishedSurvey> frozen = new ConcurrentHashMap<>();

    public SurveyViews(SurveyVersionRepository versions, DefinitionCodec codec) {
        this.versions = versions;
        this.codec = codec;
    }

    public Survey forOwner(SurveyEntity entity) {
        SurveyDefinition definition = entity.draft != null ? codec.read(entity.draft) : published(entity).definition();
        return toSurvey(entity, definition);
    }

    /** The published version in the respondent's language (untranslated labels in English). */
    public Survey forRespondent(SurveyEntity entity, String language) {
        return toSurvey(entity, published(entity).definition().in(language));
    }

    public PublishedSurvey published(SurveyEntity entity) {
        if (entity.publishedVersion == null) {
            throw ProblemException.notFound("Survey", entity.id);
        }
        return version(entity, entity.publishedVersion);
    }

    /** Published versions never change, so each replica keeps the ones it has read instead of parsing them again. */
    public PublishedSurvey version(SurveyEntity entity, int version) {
        return version(entity.id, entity.organisationId, version);
    }

    PublishedSurvey version(UUID surveyId, UUID organisationId, int version) {
        var key = new SurveyVersionEntity.Key(surveyId, version);
        PublishedSurvey cached = frozen.get(key);
        if (cached != null) {
            return cached;
        }
        // Only a miss needs a transaction: a submission, which finds its version here, begins none of its own.
        SurveyVersionEntity stored = QuarkusTransaction.joiningExisting().call(() -> versions.find(surveyId, version))
                .orElseThrow(() -> ProblemException.notFound("Version " + version + " of survey", surveyId));
        PublishedSurvey published = new PublishedSurvey(surveyId, organisationId, version,
                codec.read(stored.definition));
        if (frozen.size() >= MAX_CACHED) {
            frozen.clear();
        }
        frozen.put(key, published);
        return published;
    }

    /** The version if this replica has read it, else null. */
    PublishedSurvey versionIfRead(UUID surveyId, int version) {
        return frozen.get(new SurveyVersionEntity.Key(surveyId, version));
    }

    private static Survey toSurvey(SurveyEntity e, SurveyDefinition definition) {
        return new Survey(e.id, e.organisationId, effectiveStatus(e, StoredTime.now()), e.publishedVersion,
                e.draft != null, e.resultsPublished(), definition, e.createdAt, e.updatedAt, e.version);
    }

    /** An open survey past its closing time is closed even before the closing job has recorded it. */
    static SurveyStatus effectiveStatus(SurveyEntity e, Instant now) {
        return effectiveStatus(e.status, e.closesAt, now);
    }

    static SurveyStatus effectiveStatus(SurveyStatus status, Instant closesAt, Instant now) {
        if (status == SurveyStatus.OPEN && closesAt != null && !now.isBefore(closesAt)) {
            return SurveyStatus.CLOSED;
        }
        return status;
    }
}
