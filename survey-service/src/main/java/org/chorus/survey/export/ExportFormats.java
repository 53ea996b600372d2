package org.chorus.survey.export;

import java.util.Arrays;
import java.util.Locale;

import org.chorus.platform.web.problem.ProblemException;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.Text;
import org.chorus.survey.question.ValueStyle;

/**
 * Reads an export's format, values and lang parameters case-insensitively, so that {@code ?format=csv} works as
 * documented, and names the parameter in a 400 when one is not valid.
 */
final class ExportFormats {

    static final String FORMAT = "format";
    static final String VALUES = "values";
    static final String LANG = "lang";

    private ExportFormats() {
    }

    static ExportFormat parse(String format) {
        try {
            return ExportFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter(FORMAT, "must be one of " + Arrays.stream(ExportFormat.values())
                    .map(ExportFormat::parameterValue).toList());
        }
    }

    /**
     * Labels by default, as exports have always held; a data package always holds codes, which its
     * datapackage.json and survey.sps label, so asking it for labels is refused rather than quietly ignored.
     */
    static ValueStyle values(String values, ExportFormat format) {
        ValueStyle style;
        try {
            style = values == null || values.isBlank() ? null
                    : ValueStyle.valueOf(values.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter(VALUES, "must be labels or codes");
        }
        return switch (format) {
            case CSV, NDJSON, XLSX -> style == null ? ValueStyle.LABELS : style;
            case DATAPACKAGE -> {
                if (style == ValueStyle.LABELS) {
                    throw ProblemException.invalidParameter(VALUES, "must be codes for a datapackage: it holds "
                            + "codes, and its datapackage.json and survey.sps give their labels");
                }
                yield ValueStyle.CODES;
            }
        };
    }

    /** English when not asked; else a language the survey is written in. */
    static String language(String lang, PublishedSurvey survey) {
        if (lang == null || lang.isBlank()) {
            return Text.ENGLISH;
        }
        String language = lang.strip().toLowerCase(Locale.ROOT);
        if (!survey.definition().isWrittenIn(language)) {
            throw ProblemException.invalidParameter(LANG, "must be a language the survey is written in: "
                    + String.join(", ", survey.definition().languages()));
        }
        return language;
    }
}
