package org.chorus.survey.coding.frame;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

/** What makes a coding frame usable: two levels, codes unique and safe to use as column names, every label given. */
final class FrameRules {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final int MAX_LABEL = 200;

    private FrameRules() {
    }

    /** @throws ProblemException 422 naming every fault's pointer */
    static void check(FrameInput input, boolean newFrame) {
        List<FieldError> faults = new ArrayList<>();
        if (newFrame && (input.name() == null || input.name().isBlank() || input.name().length() > MAX_LABEL)) {
            faults.add(FieldError.body("/name", "must be 1 to " + MAX_LABEL + " characters"));
        }
        if (!newFrame && input.name() != null) {
            faults.add(FieldError.body("/name", "a new version keeps the frame's name: leave it out"));
        }
        if (input.categories() == null || input.categories().isEmpty()) {
            faults.add(FieldError.body("/categories", "must hold at least one major category"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < input.categories().size(); i++) {
                MajorCategory major = input.categories().get(i);
                String at = "/categories/" + i;
                if (major == null) {
                    faults.add(FieldError.body(at, "must be a category"));
                    continue;
                }
                category(at, major.code(), major.label(), major.insightTheme(), seen, faults);
                for (int j = 0; j < major.minorsOrEmpty().size(); j++) {
                    MinorCategory minor = major.minorsOrEmpty().get(j);
                    String minorAt = at + "/minors/" + j;
                    if (minor == null) {
                        faults.add(FieldError.body(minorAt, "must be a category"));
                    } else {
                        category(minorAt, minor.code(), minor.label(), minor.insightTheme(), seen, faults);
                    }
                }
            }
        }
        if (!faults.isEmpty()) {
            throw ProblemException.invalid(faults);
        }
    }

    private static void category(String at, String code, String label, String theme, Set<String> seen,
            List<FieldError> faults) {
        if (code == null || !CODE.matcher(code).matches()) {
            faults.add(FieldError.body(at + "/code", "must be 1 to 63 lower-case letters, digits and hyphens, "
                    + "starting with a letter or digit"));
        } else if (!seen.add(code)) {
            faults.add(FieldError.body(at + "/code", "must be unique in the frame: " + code + " is used twice"));
        }
        if (label == null || label.isBlank() || label.length() > MAX_LABEL) {
            faults.add(FieldError.body(at + "/label", "must be 1 to " + MAX_LABEL + " characters"));
        }
        // insight-service counts coded answers only under the codes of its taxonomy: a label would count nowhere.
        if (theme != null && !CODE.matcher(theme).matches()) {
            faults.add(FieldError.body(at + "/insightTheme", "must be a theme's code, as GET /api/v1/themes lists "
                    + "them (waiting-times, not Waiting times): lower-case letters, digits and hyphens"));
        }
    }
}
