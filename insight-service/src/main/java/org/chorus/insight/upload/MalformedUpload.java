package org.chorus.insight.upload;

import java.util.List;

import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

/** A file that cannot be read as rows at all, as opposed to rows that break rules: a 400 saying where and why. */
final class MalformedUpload {

    private MalformedUpload() {
    }

    static ProblemException because(String detail) {
        return ProblemException.badRequest("malformed-upload", "Uploaded file cannot be read", detail, List.of());
    }

    /** A JSON upload whose shape is wrong at this pointer, named so that the caller can find it. */
    static ProblemException at(String pointer, String rule) {
        return ProblemException.badRequest("malformed-upload", "Uploaded file cannot be read", pointer + ": " + rule,
                List.of(FieldError.body(pointer, rule)));
    }
}
