package org.chorus.survey.definition;

/**
 * The rule that a survey takes responses, as a condition a response's insert carries. A submission is checked against
 * the state its replica remembers; the condition makes the database, where closing, rescheduling and publishing
 * happen, have the last word in the same statement that stores the response.
 */
public final class StillAccepting {

    /**
     * True while the survey {@code surveyId}, at version {@code version}, takes responses at time {@code at}: not
     * closed, nor open past its closing time, nor before its opening time. The same rule as
     * {@link SurveyQueries#acceptingResponses}. The arguments are SQL expressions: the columns of the rows to store.
     */
    public static String condition(String surveyId, String version, String at) {
        return "EXISTS (SELECT 1 FROM survey s WHERE s.id = " + surveyId + " AND s.published_version = " + version
                + " AND s.status <> 'CLOSED' AND (s.status <> 'OPEN' OR s.closes_at IS NULL OR s.closes_at > " + at
                + ") AND (s.opens_at IS NULL OR s.opens_at <= " + at + "))";
    }

    private StillAccepting() {
    }
}
