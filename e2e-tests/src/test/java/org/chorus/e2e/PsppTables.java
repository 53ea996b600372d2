package org.chorus.e2e;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** PSPP's CSV output: tables one after another, each opened by a "Table: <title>" line, then its header and rows. */
final class PsppTables {

    private static final String TABLE = "Table: ";

    private PsppTables() {
    }

    /** @return each table's rows, its header first, by title */
    static Map<String, List<List<String>>> parse(String output) throws IOException {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        List<List<String>> current = null;
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        for (CSVRecord record : format.parse(new StringReader(output))) {
            if (record.size() == 1 && record.get(0).startsWith(TABLE)) {
                current = new ArrayList<>();
                tables.put(record.get(0).substring(TABLE.length()), current);
            } else if (current != null) {
                current.add(record.toList());
            }
        }
        return tables;
    }
}
