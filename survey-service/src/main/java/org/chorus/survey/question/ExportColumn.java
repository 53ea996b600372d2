package org.chorus.survey.question;

import java.util.List;
import java.util.function.Function;

import org.chorus.survey.definition.Text;
import org.chorus.survey.response.Answer;

/**
 * One column a question gives an export, with what a codebook says of it: the cell's value from an answer, its type,
 * its measurement level, its title in every language of the survey, and the labels of its codes.
 *
 * @param questionId null for the columns every export has, which do not come from an answer
 * @param maxLength of a text cell, in characters: what a statistics package must make room for
 * @param categories the codes the column holds with their labels; empty when its values are not codes
 * @param value the cell from the question's answer; the export leaves the cell empty when it was not answered
 */
public record ExportColumn(String name, String questionId, Type type, Measure measure, int maxLength, Text title,
        String description, List<Category> categories, Function<Answer, String> value) {

    /** An option id's longest length, as {@code Ids} allows it. */
    public static final int CODE_LENGTH = 63;

    /** What a cell holds: text, a whole number, or an ISO-8601 time in UTC. */
    public enum Type {
        STRING,
        INTEGER,
        DATETIME
    }

    /** The measurement level statistics packages give the column. */
    public enum Measure {
        NOMINAL,
        ORDINAL,
        SCALE
    }

    /** One code a column may hold and what it stands for, in every language of the survey. */
    public record Category(String code, Text label) {
    }
}
