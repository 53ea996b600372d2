package org.chorus.insight.upload;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.chorus.insight.activity.ActivityInput;
import org.chorus.insight.activity.ActivityRules;
import org.chorus.insight.activity.EngagementMethod;
import org.chorus.insight.activity.LadderRung;
import org.chorus.insight.activity.ProgrammeArea;
import org.chorus.insight.activity.StakeholderGroup;
import org.chorus.insight.common.Labels;
import org.chorus.insight.finding.FindingInput;
import org.chorus.insight.finding.FindingRules;
import org.chorus.insight.finding.Sentiment;
import org.chorus.platform.web.input.PostgresRanges;
import org.chorus.platform.web.input.Vocabulary;
import org.chorus.platform.web.problem.FieldError;

/**
 * Judges one raw row by the same rules as the API (bean validation of the input records, then the activity and
 * finding rules), and words every broken rule for the person who will fix the file, naming the field as the file
 * names it.
 */
final class RowReader {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    /** Findings are judged before their activity exists; this stands in for its id. */
    private static final UUID NOT_YET_STORED = new UUID(0, 0);

    private final Validator validator;
    private final Set<String> knownPlaces;
    private final Map<String, String> themeLabels;
    private final Vocabulary places;
    private final Vocabulary themes;
    private final BiFunction<String, Boolean, String> fieldName;

    /**
     * @param themeLabels the theme codes with their labels, either of which a file may use
     * @param fieldName names a field (and whether it is a finding's) as the file's format does
     */
    RowReader(Validator validator, Set<String> knownPlaces, Map<String, String> themeLabels,
            BiFunction<String, Boolean, String> fieldName) {
        this.validator = validator;
        this.knownPlaces = knownPlaces;
        this.themeLabels = Map.copyOf(themeLabels);
        this.places = Vocabulary.ofCodes(knownPlaces);
        this.themes = Vocabulary.ofLabelled(themeLabels);
        this.fieldName = fieldName;
    }

    ParsedRow read(RawRow raw) {
        Fields fields = new Fields(raw.activity(), false, "");
        if (raw.activity().get("_problem") != null) {
            fields.reasons.add(String.valueOf(raw.activity().get("_problem")));
        }
        // A blank reference is none: stored as none, the file sent again would add the activity again.
        String reference = fields.text("reference");
        ActivityInput activity = new ActivityInput(reference == null || reference.isBlank() ? null : reference,
                fields.text("title"), fields.label("method", EngagementMethod.class), fields.date("startDate"),
                fields.date("endDate"),
                fields.codes("placeCodes", places, "place", "no active organisation of the partnership covers it"),
                fields.whole("participantCount"), fields.list("groupsReached"),
                fields.label("stakeholderGroup", StakeholderGroup.class), fields.label("ladderRung", LadderRung.class),
                fields.label("programmeArea", ProgrammeArea.class));
        List<String> reasons = new ArrayList<>(fields.reasons);
        if (activity.reference() == null) {
            reasons.add(fieldName.apply("reference", false) + ": is required in an upload, so that a corrected "
                    + "file updates this activity instead of adding another");
        }
        reasons.addAll(describe(validator.validate(activity), false, "", fields.unreadable));
        reasons.addAll(describe(ActivityRules.check(activity, knownPlaces), false, ""));
        List<FindingInput> findings = new ArrayList<>();
        for (int i = 0; i < raw.findings().size(); i++) {
            findings.add(finding(raw.findings().get(i), activity, i, reasons));
        }
        return new ParsedRow(raw.row(), raw.rows(), activity.reference(), activity, findings, reasons);
    }

    private FindingInput finding(Map<String, Object> raw, ActivityInput activity, int index, List<String> reasons) {
        String prefix = "finding " + (index + 1) + " ";
        Fields fields = new Fields(raw, true, prefix);
        FindingInput finding = new FindingInput(NOT_YET_STORED, fields.text("statement"), fields.codes("themes", themes, "theme",
                        "use a theme's code or label from GET /api/v1/themes, or propose it in proposedThemes"),
                fields.list("proposedThemes"), fields.label("sentiment", Sentiment.class),
                fields.whole("participantCount"), fields.list("quotes"));
        if (raw.get("_problem") != null) {
            // a finding that is no object has no fields to judge
            reasons.add(prefix.strip() + ": " + raw.get("_problem"));
            return finding;
        }
        reasons.addAll(fields.reasons);
        reasons.addAll(describe(validator.validate(finding), true, prefix, fields.unreadable));
        reasons.addAll(describe(FindingRules.check(finding, activity.participantCount(), themeLabels), true, prefix));
        return finding;
    }

    /** @param unreadable fields already reported as unreadable, whose "must not be null" would only repeat it */
    private List<String> describe(Set<? extends ConstraintViolation<?>> violations, boolean ofFinding, String prefix,
            Set<String> unreadable) {
        return violations.stream()
                .filter(v -> !unreadable.contains(v.getPropertyPath().iterator().next().getName()))
                .map(v -> prefix + fieldName.apply(v.getPropertyPath().iterator().next().getName(), ofFinding) + ": "
                        + v.getMessage())
                .sorted().toList();
    }

    private List<String> describe(List<FieldError> errors, boolean ofFinding, String prefix) {
        return errors.stream()
                .map(e -> prefix + fieldName.apply(e.pointer().split("/")[1], ofFinding) + ": " + e.detail())
                .toList();
    }

    /** Reads typed values out of a raw row, collecting a reason for each one that cannot be read. */
    private final class Fields {

        private final Map<String, Object> raw;
        private final boolean ofFinding;
        private final String prefix;
        private final List<String> reasons = new ArrayList<>();
        private final Set<String> unreadable = new java.util.HashSet<>();

        Fields(Map<String, Object> raw, boolean ofFinding, String prefix) {
            this.raw = raw;
            this.ofFinding = ofFinding;
            this.prefix = prefix;
        }

        String text(String field) {
            Object value = raw.get(field);
            return value == null ? null : value instanceof List<?> list ? String.join("; ", list.stream()
                    .map(String::valueOf).toList()) : value.toString().strip();
        }

        List<String> list(String field) {
            Object value = raw.get(field);
            if (value == null) {
                return null;
            }
            return value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                    : List.of(value.toString().split(";")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        <E extends Enum<E>> E label(String field, Class<E> type) {
            String text = text(field);
            if (text == null) {
                return null;
            }
            return Labels.parse(type, text).orElseGet(() -> {
                reason(field, "unknown " + humanName(field) + " '" + text + "'" + Labels.didYouMean(type, text)
                        + "; use one of " + Labels.allowed(type));
                return null;
            });
        }

        /**
         * A list of codes, each written as its code or (for themes) its label; one that matches none is reported with
         * the nearest known ones and left out, so the rules do not report it again.
         */
        List<String> codes(String field, Vocabulary vocabulary, String what, String why) {
            List<String> written = list(field);
            if (written == null) {
                return null;
            }
            List<String> codes = new ArrayList<>();
            for (String text : written) {
                vocabulary.resolve(text).ifPresentOrElse(codes::add, () -> reason(field,
                        "unknown " + what + " '" + text + "': " + why + vocabulary.didYouMean(text)));
            }
            return codes;
        }

        LocalDate date(String field) {
            String text = text(field);
            if (text == null) {
                return null;
            }
            LocalDate date;
            try {
                date = text.contains("/") ? LocalDate.parse(text, UK_DATE) : LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                reason(field, "bad date '" + text + "'; write it as 2019-03-14 or 14/03/2019");
                return null;
            }
            // PostgreSQL refuses a date beyond its range, which failed the row as a fault on our side
            if (!PostgresRanges.holds(date)) {
                reason(field, PostgresRanges.DATE_RULE);
                return null;
            }
            return date;
        }

        Integer whole(String field) {
            String text = text(field);
            if (text == null) {
                return null;
            }
            if (!text.matches("\\d{1,9}")) {
                reason(field, "'" + text + "' is not a whole number of people");
                return null;
            }
            return Integer.valueOf(text);
        }

        private void reason(String field, String why) {
            unreadable.add(field);
            reasons.add(prefix + fieldName.apply(field, ofFinding) + ": " + why);
        }

        private String humanName(String field) {
            return field.replaceAll("([A-Z])", " $1").toLowerCase(java.util.Locale.ROOT);
        }
    }
}
