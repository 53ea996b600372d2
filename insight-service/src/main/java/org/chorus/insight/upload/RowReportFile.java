package org.chorus.insight.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An upload's row report as a spreadsheet of the person's own rows, each with its activity's status and reasons in
 * two columns beside it: they fix the rejected rows in place and upload the file again, and the upload reader ignores
 * the two columns it added. Blank rows of the file are left out.
 */
final class RowReportFile {

    static final String STATUS = "Chorus status";
    static final String REASONS = "Chorus reasons";
    /** Excel's "CSV UTF-8" starts with a byte order mark; without one it reads accents as another code page. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final List<List<String>> table;

    private RowReportFile(List<List<String>> table) {
        this.table = table;
    }

    /** Whether a column of an uploaded file is one a report added, to be ignored when the report comes back. */
    static boolean isReportColumn(String column) {
        String name = column == null ? "" : column.strip().toLowerCase(Locale.ROOT);
        return name.equals(STATUS.toLowerCase(Locale.ROOT)) || name.equals(REASONS.toLowerCase(Locale.ROOT));
    }

    /** A spreadsheet upload's report: its rows as the file had them, the report columns of an earlier report replaced. */
    static RowReportFile of(SheetGrid grid, List<RowResult> results) {
        Map<Integer, RowResult> byRow = new HashMap<>();
        results.forEach(result -> result.rows().forEach(row -> byRow.put(row, result)));
        List<Integer> kept = IntStream.range(0, grid.header().size())
                .filter(i -> !isReportColumn(grid.header().get(i))).boxed().toList();
        List<List<String>> table = new ArrayList<>();
        table.add(withReport(kept.stream().map(grid.header()::get).toList(), STATUS, REASONS));
        for (SheetGrid.Row row : grid.rows()) {
            RowResult result = byRow.get(row.number());
            if (result != null) {
                table.add(withReport(kept.stream().map(row::cell).toList(), result.status().name(),
                        String.join("\n", result.reasons())));
            }
        }
        return new RowReportFile(table);
    }

    /** A JSON upload's report, which has no rows of a sheet to give back: each activity by position and reference. */
    static RowReportFile ofActivities(List<RowResult> results) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("activity", "reference", STATUS, REASONS));
        for (RowResult result : results) {
            table.add(withReport(List.of(Integer.toString(result.row()), result.reference() == null ? ""
                    : result.reference()), result.status().name(), String.join("\n", result.reasons())));
        }
        return new RowReportFile(table);
    }

    void writeCsv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BYTE_ORDER_MARK);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        for (List<String> row : table) {
            printer.printRecord(row);
        }
        printer.flush();
    }

    /** Every cell an inline string: a sheet cell the person wrote as a formula is given back as its saved value. */
    void writeXlsx(OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Chorus", "1.0");
        Worksheet sheet = workbook.newWorksheet("Upload report");
        for (int r = 0; r < table.size(); r++) {
            List<String> row = table.get(r);
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c) != null) {
                    sheet.inlineString(r, c, row.get(c));
                }
            }
        }
        workbook.finish();
    }

    private static List<String> withReport(List<String> cells, String status, String reasons) {
        List<String> row = new ArrayList<>(cells);
        row.add(status);
        row.add(reasons);
        return row;
    }
}
