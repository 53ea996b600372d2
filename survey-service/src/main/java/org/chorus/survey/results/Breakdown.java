package org.chorus.survey.results;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.chorus.platform.web.problem.ProblemException;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.Question;

/**
 * What results are broken down by: all respondents, their channel, their place, or their answer to a demographic
 * question. Every result that breaks down (the counted answers and the coded free text) offers the same ones.
 *
 * @param questionId the demographic question, for {@link Kind#DEMOGRAPHIC} only
 */
public record Breakdown(Kind kind, String questionId) {

    /**
     * The group of respondents who gave no place, or no answer to the question broken down by: left out, the groups
     * would not add up to the overall figures, and the difference would show how those respondents answered.
     */
    public static final String NOT_GIVEN = "NOT_GIVEN";

    /** The kinds of breakdown. */
    public enum Kind {
        ALL,
        CHANNEL,
        PLACE,
        DEMOGRAPHIC
    }

    /**
     * @param by all (or absent), channel, place, or the id of a demographic question of the survey
     * @throws ProblemException 400 naming the parameter {@code by} for anything else
     */
    public static Breakdown of(PublishedSurvey survey, String by) {
        if (by == null || by.isBlank() || by.equals(TallyKey.ALL)) {
            return new Breakdown(Kind.ALL, null);
        }
        if (by.equals(TallyKey.CHANNEL)) {
            return new Breakdown(Kind.CHANNEL, null);
        }
        if (by.equals(TallyKey.PLACE)) {
            return new Breakdown(Kind.PLACE, null);
        }
        boolean demographic = survey.definition().question(by).filter(q -> q.kind().describesRespondent())
                .isPresent();
        if (!demographic) {
            String questions = survey.definition().questions().filter(q -> q.kind().describesRespondent())
                    .map(Question::id).collect(Collectors.joining(", "));
            throw ProblemException.invalidParameter("by", "must be all, channel, place or the id of a demographic "
                    + "question" + (questions.isEmpty() ? " (this survey has none)" : " (this survey's: " + questions
                            + ")"));
        }
        return new Breakdown(Kind.DEMOGRAPHIC, by);
    }

    /** As results name it: all, channel, place or the question id. */
    public String name() {
        return switch (kind) {
            case ALL -> TallyKey.ALL;
            case CHANNEL -> TallyKey.CHANNEL;
            case PLACE -> TallyKey.PLACE;
            case DEMOGRAPHIC -> questionId;
        };
    }

    /** Groups in the order results list them: by value, those who gave none last. */
    public static List<String> inOrder(Collection<String> groups) {
        return groups.stream().sorted(Comparator.comparing((String g) -> g.equals(NOT_GIVEN))
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    public boolean isAll() {
        return kind == Kind.ALL;
    }

    /** The counters' dimension of this breakdown. */
    String dimension() {
        return switch (kind) {
            case ALL, CHANNEL, PLACE -> name();
            case DEMOGRAPHIC -> TallyKey.DEMOGRAPHIC_PREFIX + questionId;
        };
    }
}
