package org.chorus.survey.definition;

import java.time.Instant;

/**
 * A survey whose results summary its owner published: the version to label it with, whether open, since when, and
 * the survey's revision, which its ETag names.
 */
public record PublishedResults(PublishedSurvey survey, SurveyStatus status, Instant publishedAt, long surveyRevision) {
}
