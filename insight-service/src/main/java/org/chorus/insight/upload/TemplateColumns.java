package org.chorus.insight.upload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chorus.platform.web.input.Vocabulary;

/**
 * The upload template's columns in a spreadsheet (CSV or XLSX) whose header may name them as people do ("Start date"
 * for start_date), and its rows read by them: a row holds an activity and at most one finding.
 */
final class TemplateColumns {

    /** The template's name of each of the file's columns. */
    private final Map<String, String> byFileColumn;

    private TemplateColumns(Map<String, String> byFileColumn) {
        this.byFileColumn = byFileColumn;
    }

    /**
     * @param saved the organisation's saved mapping of its column names to the template's, which comes first
     * @throws MalformedUpload for an unknown column (with the nearest template names), a missing required one, or
     *     two that name the same template column, since which of their cells was meant is the sender's to say
     */
    static TemplateColumns of(List<String> header, Map<String, String> saved) {
        List<String> known = UploadFields.csvHeader();
        Vocabulary template = Vocabulary.ofCodes(known);
        Vocabulary theirs = Vocabulary.ofCodes(saved.keySet());
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, List<String>> byTemplate = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String column : header) {
            if (column.isBlank() || RowReportFile.isReportColumn(column)) {
                continue;
            }
            theirs.resolve(column).map(saved::get).or(() -> template.resolve(column)).ifPresentOrElse(t -> {
                columns.put(column, t);
                byTemplate.computeIfAbsent(t, given -> new ArrayList<>()).add(column);
            }, () -> unknown.add(column + template.didYouMean(column)));
        }
        if (!unknown.isEmpty()) {
            requireCommas(header, template);
            throw MalformedUpload.because("Unknown columns " + unknown + "; the columns are " + known);
        }
        byTemplate.forEach((t, given) -> {
            if (given.size() > 1) {
                throw MalformedUpload.because("Columns " + given + " all give " + t + "; keep one of them");
            }
        });
        List<String> missing = UploadFields.REQUIRED_CSV_COLUMNS.stream().filter(c -> !columns.containsValue(c))
                .toList();
        if (!missing.isEmpty()) {
            throw MalformedUpload.because("Missing columns " + missing + "; see GET /api/v1/uploads/template.csv");
        }
        return new TemplateColumns(columns);
    }

    /**
     * A header read as one column that holds template columns between semicolons or tabs: Excel saves "CSV" with
     * semicolons where the comma is the decimal mark, and a sheet copied out of a spreadsheet has tabs.
     */
    private static void requireCommas(List<String> header, Vocabulary template) {
        if (header.size() != 1) {
            return;
        }
        for (var separator : Map.of(";", "semicolons", "\t", "tabs").entrySet()) {
            String[] names = header.get(0).split(separator.getKey());
            if (names.length > 1 && Arrays.stream(names).anyMatch(name -> template.resolve(name.strip()).isPresent())) {
                throw MalformedUpload.because("The columns are separated by " + separator.getValue() + ", not commas; "
                        + "save the file as \"CSV UTF-8 (Comma delimited)\", or send the workbook as .xlsx");
            }
        }
    }

    /**
     * The grid's activities: blank rows skipped, rows sharing a reference joined into one activity.
     *
     * @throws MalformedUpload for a value in a column the header does not name, which would otherwise be dropped
     */
    List<RawRow> rows(SheetGrid grid) {
        List<RawRow> rows = new ArrayList<>();
        for (SheetGrid.Row row : grid.rows()) {
            requireNamedColumns(grid, row);
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < grid.header().size(); i++) {
                cells.put(grid.header().get(i), row.cell(i));
            }
            RawRow read = row(row.number(), cells);
            if (read != null) {
                rows.add(read);
            }
        }
        return CsvActivities.join(rows);
    }

    private static void requireNamedColumns(SheetGrid grid, SheetGrid.Row row) {
        for (int column = 0; column < row.cells().size(); column++) {
            if (grid.unnamed(column) && !SheetGrid.isBlank(row.cell(column))) {
                throw MalformedUpload.because("Row " + row.number() + " has a value in column "
                        + SheetGrid.columnLetters(column) + ", which has no name in the header (row 1): name it as a "
                        + "template column, or clear the column");
            }
        }
    }

    /**
     * @param cells the row's cells by the file's column names
     * @return the row, or null when every cell is blank (a blank row is skipped)
     */
    RawRow row(int row, Map<String, String> cells) {
        Map<String, String> record = new HashMap<>();
        cells.forEach((column, value) -> record.put(byFileColumn.getOrDefault(column, column), value));
        if (record.values().stream().allMatch(v -> v == null || v.isBlank())) {
            return null;
        }
        Map<String, Object> activity = fields(record, UploadFields.ACTIVITY, false);
        Map<String, Object> finding = fields(record, UploadFields.FINDING, true);
        return new RawRow(row, activity, finding.isEmpty() ? List.of() : List.of(finding));
    }

    private static Map<String, Object> fields(Map<String, String> record, List<String> names, boolean ofFinding) {
        Map<String, Object> fields = new HashMap<>();
        for (String name : names) {
            String value = record.get(UploadFields.csvColumn(name, ofFinding));
            if (value == null || value.isBlank()) {
                continue;
            }
            fields.put(name, UploadFields.LISTS.contains(name) ? split(name, value) : value.strip());
        }
        return fields;
    }

    private static List<String> split(String name, String value) {
        String separator = name.equals("quotes") ? "\\r?\\n" : ";";
        return Arrays.stream(value.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
