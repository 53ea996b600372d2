package org.chorus.survey.response;

import org.chorus.survey.definition.PublishedSurvey;

/**
 * Fired synchronously inside the transaction that stores (+1) or erases (-1) a response, so that whatever counts
 * responses changes in the same commit without the response feature knowing about it.
 */
public record ResponseCounted(PublishedSurvey survey, StoredResponse response, int delta) {
}
