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

    /**
     * @param kinds each column's kind, which decides which cells spreadsheet formats may leave as bare numbers
     * @param facts what a data package says of itself beside its CSV
     */
    static RowWriter of(ExportFormat format, OutputStream out, ObjectMapper objectMapper, List<CellKind> kinds,
            DataPackage.Facts facts) throws IOException {
        return switch (format) {
            case CSV -> new CsvRowWriter(out, kinds, CsvRowWriter.Reader.SPREADSHEET);
            case NDJSON -> new NdjsonRowWriter(out, objectMapper);
            case XLSX -> new XlsxRowWriter(out, kinds);
            case DATAPACKAGE -> new DataPackage(out, objectMapper, kinds, facts);
        };
    }
}
