package org.chorus.directory.webhook;

import java.util.Arrays;
import java.util.Optional;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;

/** What a partner can subscribe to: each is one Chorus event, named for partners. */
public enum WebhookEventType {
    FINDING_PUBLISHED("finding.published", ChorusEventTypes.FINDING_PUBLISHED),
    FINDING_WITHDRAWN("finding.withdrawn", ChorusEventTypes.FINDING_WITHDRAWN),
    ACTION_PUBLISHED("action.published", ChorusEventTypes.ACTION_PUBLISHED),
    ACTION_STATUS_CHANGED("action.status-changed", ChorusEventTypes.ACTION_STATUS_CHANGED),
    SURVEY_OPENED("survey.opened", ChorusEventTypes.SURVEY_PUBLISHED),
    SURVEY_CLOSED("survey.closed", ChorusEventTypes.SURVEY_CLOSED),
    SURVEY_RESULTS_PUBLISHED("survey.results-published", ChorusEventTypes.SURVEY_RESULTS_PUBLISHED),
    UPLOAD_FINISHED("upload.finished", ChorusEventTypes.UPLOAD_FINISHED);

    private final String partnerName;
    private final EventType<?> source;

    WebhookEventType(String partnerName, EventType<?> source) {
        this.partnerName = partnerName;
        this.source = source;
    }

    /** The name partners subscribe with and find in a payload's {@code type}, e.g. {@code finding.published}. */
    public String partnerName() {
        return partnerName;
    }

    public static Optional<WebhookEventType> named(String partnerName) {
        return Arrays.stream(values()).filter(t -> t.partnerName.equals(partnerName)).findFirst();
    }

    public static Optional<WebhookEventType> fromEvent(String chorusType) {
        return Arrays.stream(values()).filter(t -> t.source.type().equals(chorusType)).findFirst();
    }
}
