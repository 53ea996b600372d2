package org.chorus.survey.definition;

import java.time.Instant;

/** A survey whose results summary its owner published: the version to label it with, whether open, and since when. */
public record PublishedResults(PublishedSurvey survey, SurveyStatus status, Instant publishedAt) {
}
