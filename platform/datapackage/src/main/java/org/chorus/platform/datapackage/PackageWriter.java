package org.chorus.platform.datapackage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Streams a data package as a zip: each table's CSV row by row as it is read (so the heap stays flat however many
 * rows there are), then datapackage.json, once every table's row count is known. Cells are written as they are,
 * line breaks inside quoted cells included, so that what is read back is what was stored.
 */
public final class PackageWriter {

    public static final String DESCRIPTOR = "datapackage.json";

    private final ZipOutputStream zip;
    private final ObjectMapper objectMapper;
    private final ObjectNode root;
    private final Writer text;
    private TableRows open;

    /** @param root the package's own facts ({@link Descriptor#root}); the tables are added to its resources */
    public PackageWriter(OutputStream out, ObjectMapper objectMapper, ObjectNode root) {
        this.objectMapper = objectMapper;
        this.root = root;
        zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // the fastest compression: the package must keep up with the database, and text compresses well anyway
        zip.setLevel(Deflater.BEST_SPEED);
        text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
    }

    /** Starts the table's CSV with its header line; its rows follow until the next table or {@link #finish()}. */
    public TableRows table(Table table) throws IOException {
        endTable();
        zip.putNextEntry(new ZipEntry(table.path()));
        open = new TableRows(table, new CSVPrinter(text, CSVFormat.RFC4180));
        open.printer.printRecord(table.fieldNames());
        return open;
    }

    /** Writes datapackage.json and ends the zip; the stream underneath stays open for its owner to close. */
    public void finish() throws IOException {
        endTable();
        zip.putNextEntry(new ZipEntry(DESCRIPTOR));
        zip.write(objectMapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root));
        zip.closeEntry();
        zip.finish();
    }

    private void endTable() throws IOException {
        if (open == null) {
            return;
        }
        open.printer.flush();
        zip.closeEntry();
        ((ArrayNode) root.withArray("resources")).add(Descriptor.tableResource(objectMapper, open.table, open.rows));
        open = null;
    }

    /** The rows of the table being written. */
    public static final class TableRows {

        private final Table table;
        private final CSVPrinter printer;
        private long rows;

        private TableRows(Table table, CSVPrinter printer) {
            this.table = table;
            this.printer = printer;
        }

        /** One row, its cells in the table's field order; null for a missing value. */
        public void row(List<String> cells) throws IOException {
            if (cells.size() != table.fields().size()) {
                throw new IllegalArgumentException(table.name() + " has " + table.fields().size() + " fields, not "
                        + cells.size());
            }
            printer.printRecord(cells);
            rows++;
        }

        public long rows() {
            return rows;
        }

        public Table table() {
            return table;
        }
    }
}
