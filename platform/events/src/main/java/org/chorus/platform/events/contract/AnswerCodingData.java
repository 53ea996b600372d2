package org.chorus.platform.events.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A free-text answer was coded, or coded again, against a coding frame. Carries the codes and what they count
 * towards, never what the respondent wrote: the text stays in survey-service.
 *
 * @param pass FIRST, or SECOND for the blind second coder's reading (which only measures agreement)
 * @param categories the frame's category codes the coder gave; empty when the answer cannot be coded
 * @param insightThemes the insight themes those categories map to (a minor without one takes its major's), distinct
 * @param sentiment POSITIVE, NEUTRAL, NEGATIVE or MIXED; null when the coder gave none
 * @param version the coding's version, one more for each change of the same answer and pass: a reader keeps the
 *        highest it has seen
 */
public record AnswerCodingData(
        UUID responseId,
        UUID surveyId,
        String questionId,
        String pass,
        UUID frameId,
        int frameVersion,
        List<String> categories,
        List<String> insightThemes,
        String sentiment,
        boolean cannotBeCoded,
        long version,
        Instant codedAt) {
}
