package org.chorus.insight.upload;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chorus.insight.common.Vocabulary;
import org.chorus.platform.web.input.NulCharacterFilter;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a CSV upload as spreadsheets write it: UTF-8 with or without a byte order mark, CRLF or LF, quoted cells
 * with commas and line breaks. A row holds an activity and at most one finding; rows sharing a reference are one
 * activity with several findings. Blank rows are skipped.
 */
final class CsvRows {

    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvRows() {
    }

    static List<RawRow> read(byte[] content) {
        String text = decode(content);
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnReordering(true);
        List<RawRow> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> records = MAPPER.readerForMapOf(String.class).with(schema)
                .readValues(text)) {
            Map<String, String> templateColumns = templateColumns(records);
            while (records.hasNextValue()) {
                Map<String, String> record = inTemplateColumns(records.nextValue(), templateColumns);
                // The header is spreadsheet row 1; a record's row is its position after it, whatever line breaks it holds.
                int row = rows.size() + 2;
                if (record.values().stream().anyMatch(v -> v != null && !v.isBlank())) {
                    rows.add(toRow(row, record));
                } else {
                    rows.add(null);
                }
            }
        } catch (RuntimeJsonMappingException | java.io.IOException e) {
            throw MalformedUpload.because("The CSV could not be read after row " + (rows.size() + 1) + ": "
                    + firstLine(e.getMessage()));
        }
        return CsvActivities.join(rows.stream().filter(r -> r != null).toList());
    }

    /**
     * Each of the file's columns by the template's name for it: the template's own names, or the same written as
     * people do ("Start date" for start_date). An unknown column is refused with the nearest template names.
     */
    private static Map<String, String> templateColumns(MappingIterator<Map<String, String>> records) {
        CsvSchema header = (CsvSchema) records.getParserSchema();
        List<String> known = UploadFields.csvHeader();
        Vocabulary template = Vocabulary.ofCodes(known);
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        header.forEach(c -> template.resolve(c.getName()).ifPresentOrElse(t -> columns.put(c.getName(), t),
                () -> unknown.add(c.getName() + template.didYouMean(c.getName()))));
        if (!unknown.isEmpty()) {
            throw MalformedUpload.because("Unknown columns " + unknown + "; the columns are " + known);
        }
        List<String> missing = UploadFields.REQUIRED_CSV_COLUMNS.stream().filter(c -> !columns.containsValue(c))
                .toList();
        if (!missing.isEmpty()) {
            throw MalformedUpload.because("Missing columns " + missing + "; see GET /api/v1/uploads/template.csv");
        }
        return columns;
    }

    private static Map<String, String> inTemplateColumns(Map<String, String> record, Map<String, String> columns) {
        Map<String, String> renamed = new HashMap<>();
        record.forEach((column, value) -> renamed.put(columns.getOrDefault(column, column), value));
        return renamed;
    }

    private static RawRow toRow(int row, Map<String, String> record) {
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

    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            int nul = text.indexOf('\0');
            if (nul >= 0) {
                // PostgreSQL refuses NUL in text: stored, or echoed in the row report, it would fail the upload.
                long line = 1 + text.substring(0, nul).chars().filter(c -> c == '\n').count();
                throw MalformedUpload.because("line " + line + ": " + NulCharacterFilter.RULE);
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw MalformedUpload.because("The file is not UTF-8 text; save it as \"CSV UTF-8\"");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }
}
