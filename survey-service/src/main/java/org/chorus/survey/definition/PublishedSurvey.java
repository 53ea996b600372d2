package org.chorus.survey.definition;

import java.util.UUID;

/** A frozen version of a survey, as responses are validated, counted and exported against it. */
public record PublishedSurvey(UUID surveyId, UUID organisationId, int version, SurveyDefinition definition) {
}
