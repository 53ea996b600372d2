package org.chorus.insight.upload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the spreadsheet rows of one activity. A spreadsheet gives each finding a row, so rows with the same
 * reference are one activity with several findings; its columns may be repeated on every row or left blank after
 * the first, but rows that disagree about the activity are reported rather than one of them silently winning.
 */
final class CsvActivities {

    private CsvActivities() {
    }

    static List<RawRow> join(List<RawRow> rows) {
        Map<String, List<RawRow>> byReference = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>();
        for (RawRow row : rows) {
            Object reference = row.activity().get("reference");
            if (reference == null) {
                order.add(row);
            } else {
                byReference.computeIfAbsent(reference.toString(), r -> {
                    order.add(r);
                    return new ArrayList<>();
                }).add(row);
            }
        }
        return order.stream().map(o -> o instanceof RawRow row ? row : merge(byReference.get((String) o))).toList();
    }

    private static RawRow merge(List<RawRow> group) {
        RawRow first = group.get(0);
        if (group.size() == 1) {
            return first;
        }
        Map<String, Object> activity = new HashMap<>(first.activity());
        List<Map<String, Object>> findings = new ArrayList<>(first.findings());
        List<String> disagreements = new ArrayList<>();
        for (RawRow later : group.subList(1, group.size())) {
            later.activity().forEach((field, value) -> {
                Object earlier = activity.putIfAbsent(field, value);
                if (earlier != null && !earlier.equals(value)) {
                    disagreements.add("row " + later.row() + " gives " + UploadFields.csvColumn(field, false) + " '"
                            + text(value) + "' where an earlier row of this reference gives '" + text(earlier) + "'");
                }
            });
            findings.addAll(later.findings());
        }
        if (!disagreements.isEmpty()) {
            activity.put("_problem", String.join("; ", disagreements)
                    + "; repeat the activity's columns exactly on each of its rows, or leave them blank");
        }
        return new RawRow(first.row(), group.stream().map(RawRow::row).toList(), activity, findings);
    }

    private static String text(Object value) {
        return value instanceof List<?> list ? String.join(";", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
    }
}
