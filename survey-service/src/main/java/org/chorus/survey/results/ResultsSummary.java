package org.chorus.survey.results;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chorus.survey.definition.SurveyStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a survey's owner publishes for everyone: the overall figures of the analysts' results, with the same
 * suppression, labelled in the reader's language, without breakdowns, demographic questions or any free text.
 */
@Schema(name = "ResultsSummary", requiredProperties = { "surveyId", "version", "title", "status", "publishedAt",
        "language", "suppressionThreshold", "responsesNotYetCounted", "figuresTakenAt", "responses", "questions" })
public record ResultsSummary(
        UUID surveyId,
        @Schema(description = "The published version whose labels are used", examples = "1") int version,
        @Schema(description = "The survey's title", examples = "Our draft priorities") String title,
        @Schema(description = "OPEN: results so far; CLOSED: final results") SurveyStatus status,
        @Schema(description = "When the survey's owner published this summary") Instant publishedAt,
        @Schema(description = "The language of the labels asked for; labels not translated into it are in English",
                examples = "cy") String language,
        @Schema(description = "Counts from 1 to this minus one are suppressed", examples = "5")
        int suppressionThreshold,
        @Schema(description = "Responses accepted and still being counted: they are counted in rounds, "
                + "normally within a second of arriving. The figures below are those counted when they were "
                + "taken (figuresTakenAt): responses counted since join them once at least 5 more have been "
                + "counted or erased, so that comparing two readings never shows what fewer people answered",
                examples = "0") long responsesNotYetCounted,
        @Schema(description = "When these figures were taken from the counters; they are taken again once at "
                + "least 5 more responses have been counted or erased") Instant figuresTakenAt,
        @Schema(description = "How many responded") Cell responses,
        @Schema(description = "Every question but the demographic ones; free-text questions only say how many "
                + "answered") List<SurveyResults.QuestionResults> questions) {
}
