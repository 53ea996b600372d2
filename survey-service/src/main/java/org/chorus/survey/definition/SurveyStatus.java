package org.chorus.survey.definition;

/** Where a survey is in its life: only an open survey is shown to respondents and accepts responses. */
public enum SurveyStatus {
    DRAFT,
    OPEN,
    CLOSED
}
