package org.chorus.survey.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes export rows in one format as they come, holding none of them. */
interface RowWriter {

    void header(List<String> names) throws IOException;

    void row(List<String> values) throws IOException;

    /** Completes the file; the stream is left open for its owner to close. */
    void finish() throws IOException;

    /** @param kinds each column's kind, which decides which cells spreadsheet formats may leave as bare numbers */
    static RowWriter of(ExportFormat format, OutputStream out, ObjectMapper objectMapper, List<CellKind> kinds)
            throws IOException {
        return switch (format) {
            case CSV -> new CsvRowWriter(out, kinds);
            case NDJSON -> new NdjsonRowWriter(out, objectMapper);
            case XLSX -> new XlsxRowWriter(out, kinds);
        };
    }
}
