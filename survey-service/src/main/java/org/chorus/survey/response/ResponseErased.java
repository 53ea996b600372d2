package org.chorus.survey.response;

import org.chorus.survey.definition.PublishedSurvey;

/**
 * Fired synchronously inside the transaction that erases a response, so that whatever counts responses takes it out
 * in the same commit without the response feature knowing about it. A stored response needs no such event: it joins
 * the tally backlog by trigger in the statement that stores it.
 */
public record ResponseErased(PublishedSurvey survey, StoredResponse response) {
}
