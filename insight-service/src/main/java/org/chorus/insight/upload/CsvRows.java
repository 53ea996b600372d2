package org.chorus.insight.upload;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chorus.platform.web.input.StorableText;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

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
        SheetGrid grid = grid(content);
        return TemplateColumns.of(grid.header(), savedColumns).rows(grid);
    }

    /** The file's cells as written; a record is one row, whatever line breaks its cells hold. */
    static SheetGrid grid(byte[] content) {
        String text = decode(content);
        List<SheetGrid.Row> rows = new ArrayList<>();
        List<String> header = null;
        try (MappingIterator<List<String>> records = MAPPER.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            while (records.hasNextValue()) {
                List<String> cells = records.nextValue();
                if (header == null) {
                    header = cells;
                } else {
                    // The header is spreadsheet row 1; a record's row is its position after it.
                    rows.add(new SheetGrid.Row(rows.size() + 2, withinHeader(rows.size() + 2, cells, header.size())));
                }
            }
        } catch (RuntimeJsonMappingException | java.io.IOException e) {
            throw MalformedUpload.because("The CSV could not be read after row " + (rows.size() + 1) + ": "
                    + firstLine(e.getMessage()));
        }
        return new SheetGrid(header == null ? List.of() : header, rows);
    }

    /**
     * A cell past the header's last column is most often a comma in a cell that is not in quotes, which shifts every
     * cell after it: the file is refused rather than read shifted.
     */
    private static List<String> withinHeader(int row, List<String> cells, int columns) {
        for (int i = columns; i < cells.size(); i++) {
            if (cells.get(i) != null && !cells.get(i).isBlank()) {
                throw MalformedUpload.because("Row " + row + " has " + cells.size() + " cells but the header names "
                        + columns + " columns: put a cell holding a comma in double quotes");
            }
        }
        return cells;
    }

    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            int nul = text.indexOf('\0');
            if (nul >= 0) {
                // PostgreSQL refuses NUL in text: stored, or echoed in the row report, it would fail the upload.
                long line = 1 + text.substring(0, nul).chars().filter(c -> c == '\n').count();
                throw MalformedUpload.because("line " + line + ": " + StorableText.NUL_RULE);
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
