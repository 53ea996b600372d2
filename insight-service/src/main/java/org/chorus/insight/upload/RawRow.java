package org.chorus.insight.upload;

import java.util.List;
import java.util.Map;

/**
 * One activity of an uploaded file before any interpretation: text fields and lists exactly as the file had them, so
 * that CSV and JSON files are judged by the same reader.
 *
 * @param row where the activity starts in the file, as reported back
 * @param rows every row it spans: a spreadsheet gives each finding of an activity a row of its own
 * @param activity the activity's fields by upload field name, each a String or a List of Strings
 * @param findings the fields of each finding, the same way
 */
public record RawRow(int row, List<Integer> rows, Map<String, Object> activity, List<Map<String, Object>> findings) {

    public RawRow(int row, Map<String, Object> activity, List<Map<String, Object>> findings) {
        this(row, List.of(row), activity, findings);
    }
}
