package org.chorus.insight.upload;

import java.util.List;
import java.util.Set;

/**
 * The fields of an upload row. JSON files use these camelCase names, like the API; CSV files use them in
 * snake_case, with finding fields prefixed {@code finding_}, because that is what spreadsheet headers look like.
 */
public final class UploadFields {

    public static final List<String> ACTIVITY = List.of("reference", "title", "method", "startDate", "endDate",
            "placeCodes", "participantCount", "groupsReached", "stakeholderGroup", "ladderRung", "programmeArea");
    public static final List<String> FINDING = List.of("statement", "themes", "proposedThemes", "sentiment",
            "participantCount", "quotes");
    /** Fields holding several values: separated by ';' in CSV, except quotes, one per line within the cell. */
    public static final Set<String> LISTS = Set.of("placeCodes", "groupsReached", "themes", "proposedThemes", "quotes");
    public static final List<String> REQUIRED_CSV_COLUMNS = List.of("reference", "title", "method", "start_date",
            "place_codes", "participant_count");

    private UploadFields() {
    }

    public static String csvColumn(String field, boolean ofFinding) {
        String snake = field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
        return ofFinding ? "finding_" + snake : snake;
    }

    /** The CSV header in template order. */
    public static List<String> csvHeader() {
        List<String> header = new java.util.ArrayList<>();
        ACTIVITY.forEach(f -> header.add(csvColumn(f, false)));
        FINDING.forEach(f -> header.add(csvColumn(f, true)));
        return header;
    }
}
