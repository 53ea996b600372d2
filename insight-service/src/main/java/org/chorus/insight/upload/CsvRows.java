package org.chorus.insight.upload;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    static List<RawRow> read(byte[] content, Map<String, String> savedColumns) {
        String text = decode(content);
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnReordering(true);
        List<RawRow> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> records = MAPPER.readerForMapOf(String.class).with(schema)
                .readValues(text)) {
            List<String> header = new ArrayList<>();
            ((CsvSchema) records.getParserSchema()).forEach(c -> header.add(c.getName()));
            TemplateColumns columns = TemplateColumns.of(header, savedColumns);
            while (records.hasNextValue()) {
                // The header is spreadsheet row 1; a record's row is its position after it, whatever line breaks it holds.
                rows.add(columns.row(rows.size() + 2, records.nextValue()));
            }
        } catch (RuntimeJsonMappingException | java.io.IOException e) {
            throw MalformedUpload.because("The CSV could not be read after row " + (rows.size() + 1) + ": "
                    + firstLine(e.getMessage()));
        }
        return CsvActivities.join(rows.stream().filter(r -> r != null).toList());
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
