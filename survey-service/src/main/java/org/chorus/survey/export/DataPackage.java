package org.chorus.survey.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.question.ExportColumn;
import org.chorus.survey.question.ValueStyle;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An export that explains itself, streamed as a zip: the CSV first, row by row as the CSV export writes it (so the
 * heap stays as flat), then what describes it, once the row count is known: datapackage.json, survey.sps and a
 * README.
 */
final class DataPackage implements RowWriter {

    static final String CSV = "responses.csv";
    static final String DESCRIPTOR = "datapackage.json";
    static final String SYNTAX = "survey.sps";
    static final String README = "README.txt";

    private final ZipOutputStream zip;
    private final CsvRowWriter csv;
    private final ObjectMapper objectMapper;
    private final Facts facts;
    private long rows;

    DataPackage(OutputStream out, ObjectMapper objectMapper, List<CellKind> kinds, Facts facts) throws IOException {
        this.objectMapper = objectMapper;
        this.facts = facts;
        zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // the fastest compression: an export must keep up with the database, and text compresses well anyway
        zip.setLevel(Deflater.BEST_SPEED);
        zip.putNextEntry(new ZipEntry(CSV));
        csv = new CsvRowWriter(zip, kinds, CsvRowWriter.Reader.STATISTICS);
    }

    @Override
    public void header(List<String> names) throws IOException {
        csv.header(names);
    }

    @Override
    public void row(List<String> values) throws IOException {
        csv.row(values);
        rows++;
    }

    @Override
    public void finish() throws IOException {
        csv.finish();
        zip.closeEntry();
        entry(DESCRIPTOR, DataPackageDescriptor.of(objectMapper, facts, rows));
        entry(SYNTAX, SpssSyntax.of(facts).getBytes(StandardCharsets.UTF_8));
        entry(README, Readme.of(facts, rows).getBytes(StandardCharsets.UTF_8));
        zip.finish();
    }

    private void entry(String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * What the package says of the export beside its rows.
     *
     * @param columns every column in order, described
     * @param filters the filters the export applied, as the audit log records them
     * @param cursor the cursor the export was asked with, or null
     * @param nextCursor where the next export resumes
     * @param language of the README and the SPSS labels
     */
    record Facts(PublishedSurvey survey, List<ExportColumn> columns, Map<String, String> filters, String cursor,
            String nextCursor, ValueStyle values, String language, Instant exportedAt) {
    }
}
