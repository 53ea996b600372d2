package org.chorus.survey.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

/** Reads the format parameter case-insensitively, so that {@code ?format=csv} works as documented. */
final class ExportFormats {

    private ExportFormats() {
    }

    static ExportFormat parse(String format) {
        try {
            return ExportFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String rule = "must be one of " + Arrays.stream(ExportFormat.values())
                    .map(f -> f.extension()).toList();
            throw ProblemException.badRequest("invalid-parameter", "Request parameter is not valid", "format: " + rule,
                    List.of(FieldError.parameter("format", rule)));
        }
    }
}
