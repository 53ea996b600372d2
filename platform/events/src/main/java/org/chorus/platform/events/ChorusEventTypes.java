package org.chorus.platform.events;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.chorus.platform.events.contract.ActionData;
import org.chorus.platform.events.contract.AnswerCodingData;
import org.chorus.platform.events.contract.ApiKeyData;
import org.chorus.platform.events.contract.AuditEntryData;
import org.chorus.platform.events.contract.FindingData;
import org.chorus.platform.events.contract.OrganisationData;
import org.chorus.platform.events.contract.ResponseData;
import org.chorus.platform.events.contract.SurveyData;
import org.chorus.platform.events.contract.UploadData;
import org.chorus.platform.events.contract.WebhookSubscriptionData;

/** The registry of every event Chorus publishes, so that topics and type names live in one place. */
public final class ChorusEventTypes {

    public static final String DIRECTORY_ORGANISATIONS = "directory.organisations";
    public static final String DIRECTORY_API_KEYS = "directory.api-keys";
    public static final String SURVEY_SURVEYS = "survey.surveys";
    public static final String SURVEY_RESPONSES = "survey.responses";
    public static final String INSIGHT_FINDINGS = "insight.findings";
    public static final String INSIGHT_UPLOADS = "insight.uploads";
    public static final String AUDIT_ENTRIES = "audit.entries";
    public static final String DIRECTORY_WEBHOOKS = "directory.webhooks";

    public static final EventType<OrganisationData> ORGANISATION_REGISTERED = new EventType<>(DIRECTORY_ORGANISATIONS,
            "chorus.directory.OrganisationRegistered.v1", OrganisationData.class);
    public static final EventType<OrganisationData> ORGANISATION_UPDATED = new EventType<>(DIRECTORY_ORGANISATIONS,
            "chorus.directory.OrganisationUpdated.v1", OrganisationData.class);
    public static final EventType<OrganisationData> ORGANISATION_DEACTIVATED = new EventType<>(DIRECTORY_ORGANISATIONS,
            "chorus.directory.OrganisationDeactivated.v1", OrganisationData.class);

    public static final EventType<ApiKeyData> API_KEY_ISSUED = new EventType<>(DIRECTORY_API_KEYS,
            "chorus.directory.ApiKeyIssued.v1", ApiKeyData.class);
    public static final EventType<ApiKeyData> API_KEY_REVOKED = new EventType<>(DIRECTORY_API_KEYS,
            "chorus.directory.ApiKeyRevoked.v1", ApiKeyData.class);
    /** The old key of a rotation, now with the expiry that ends its grace period. */
    public static final EventType<ApiKeyData> API_KEY_ROTATED = new EventType<>(DIRECTORY_API_KEYS,
            "chorus.directory.ApiKeyRotated.v1", ApiKeyData.class);

    public static final EventType<SurveyData> SURVEY_PUBLISHED = new EventType<>(SURVEY_SURVEYS,
            "chorus.survey.SurveyPublished.v1", SurveyData.class);
    public static final EventType<SurveyData> SURVEY_CLOSED = new EventType<>(SURVEY_SURVEYS,
            "chorus.survey.SurveyClosed.v1", SurveyData.class);
    /** The owner made the survey's results summary readable by anyone with a key, partner websites included. */
    public static final EventType<SurveyData> SURVEY_RESULTS_PUBLISHED = new EventType<>(SURVEY_SURVEYS,
            "chorus.survey.SurveyResultsPublished.v1", SurveyData.class);
    public static final EventType<SurveyData> SURVEY_RESULTS_WITHDRAWN = new EventType<>(SURVEY_SURVEYS,
            "chorus.survey.SurveyResultsWithdrawn.v1", SurveyData.class);

    public static final EventType<ResponseData> RESPONSE_SUBMITTED = new EventType<>(SURVEY_RESPONSES,
            "chorus.survey.ResponseSubmitted.v1", ResponseData.class);
    public static final EventType<ResponseData> RESPONSE_ERASED = new EventType<>(SURVEY_RESPONSES,
            "chorus.survey.ResponseErased.v1", ResponseData.class);
    /** A free-text answer of a response was coded or recoded; on the response's stream, so it precedes an erasure. */
    public static final EventType<AnswerCodingData> ANSWER_CODED = new EventType<>(SURVEY_RESPONSES,
            "chorus.survey.AnswerCoded.v1", AnswerCodingData.class);

    public static final EventType<FindingData> FINDING_PUBLISHED = new EventType<>(INSIGHT_FINDINGS,
            "chorus.insight.FindingPublished.v1", FindingData.class);
    public static final EventType<FindingData> FINDING_WITHDRAWN = new EventType<>(INSIGHT_FINDINGS,
            "chorus.insight.FindingWithdrawn.v1", FindingData.class);
    public static final EventType<ActionData> ACTION_PUBLISHED = new EventType<>(INSIGHT_FINDINGS,
            "chorus.insight.ActionPublished.v1", ActionData.class);
    public static final EventType<ActionData> ACTION_STATUS_CHANGED = new EventType<>(INSIGHT_FINDINGS,
            "chorus.insight.ActionStatusChanged.v1", ActionData.class);

    /** A bulk upload's rows were all processed and its report is complete. */
    public static final EventType<UploadData> UPLOAD_FINISHED = new EventType<>(INSIGHT_UPLOADS,
            "chorus.insight.UploadFinished.v1", UploadData.class);

    /** A webhook subscription kept failing and no longer receives deliveries until its owner makes a new one. */
    public static final EventType<WebhookSubscriptionData> WEBHOOK_SUBSCRIPTION_DISABLED = new EventType<>(
            DIRECTORY_WEBHOOKS, "chorus.directory.WebhookSubscriptionDisabled.v1", WebhookSubscriptionData.class);

    public static final EventType<AuditEntryData> AUDIT_ENTRY_RECORDED = new EventType<>(AUDIT_ENTRIES,
            "chorus.audit.EntryRecorded.v1", AuditEntryData.class);

    private static final List<EventType<?>> ALL = List.of(
            ORGANISATION_REGISTERED, ORGANISATION_UPDATED, ORGANISATION_DEACTIVATED,
            API_KEY_ISSUED, API_KEY_REVOKED, API_KEY_ROTATED,
            SURVEY_PUBLISHED, SURVEY_CLOSED, SURVEY_RESULTS_PUBLISHED, SURVEY_RESULTS_WITHDRAWN,
            RESPONSE_SUBMITTED, RESPONSE_ERASED, ANSWER_CODED,
            FINDING_PUBLISHED, FINDING_WITHDRAWN, ACTION_PUBLISHED, ACTION_STATUS_CHANGED, UPLOAD_FINISHED,
            WEBHOOK_SUBSCRIPTION_DISABLED, AUDIT_ENTRY_RECORDED);

    /**
     * Topics that are a cache of state, which every gateway replica reads from the start: compacted, so that they keep
     * each aggregate's latest event (which carries all a reader needs) for ever rather than everything for a week.
     */
    private static final Set<String> STATE_TOPICS = Set.of(DIRECTORY_ORGANISATIONS, DIRECTORY_API_KEYS);

    private ChorusEventTypes() {
    }

    /** Whether the topic keeps each aggregate's latest event for ever ({@code cleanup.policy=compact}). */
    public static boolean isStateTopic(String topic) {
        return STATE_TOPICS.contains(topic);
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    /** The dead-letter topic of a stream, where events that cannot be processed are parked with the reason. */
    public static String deadLetterTopic(String topic) {
        return topic + ".dlq";
    }
}
