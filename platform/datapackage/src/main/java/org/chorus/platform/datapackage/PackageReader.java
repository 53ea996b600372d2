package org.chorus.platform.datapackage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads a package that {@link PackageWriter} wrote, entry by entry as the zip arrives, each CSV record by record: a
 * package is read with as flat a heap as it was written.
 */
public final class PackageReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private final ZipInputStream zip;
    private ZipEntry entry;

    public PackageReader(InputStream in) {
        zip = new ZipInputStream(in, StandardCharsets.UTF_8);
    }

    /** Moves to the next file of the package: its path, or null after the last. */
    public String next() throws IOException {
        entry = zip.getNextEntry();
        return entry == null ? null : entry.getName();
    }

    /** The current file as CSV records, by the names of its header line; read it to its end before {@link #next()}. */
    public CSVParser csv() throws IOException {
        // closing the parser must not close the zip, which holds the files still to come
        InputStream unclosable = new FilterInputStream(zip) {
            @Override
            public void close() {
            }
        };
        return CSVParser.parse(new InputStreamReader(unclosable, StandardCharsets.UTF_8), FORMAT);
    }
}
