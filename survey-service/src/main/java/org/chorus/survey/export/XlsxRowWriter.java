package org.chorus.survey.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A one-sheet workbook written as rows arrive: inline strings (a shared-string table would grow with the export)
 * and the sheet flushed every few hundred rows, so memory stays flat however many responses there are.
 */
final class XlsxRowWriter implements RowWriter {

    private static final int FLUSH_EVERY = 500;
    /** Excel's row limit. */
    static final int MAX_ROWS = 1_048_576;

    private final Workbook workbook;
    private final Worksheet sheet;
    private final List<CellKind> kinds;
    private int row;

    XlsxRowWriter(OutputStream out, List<CellKind> kinds) {
        this.kinds = kinds;
        workbook = new Workbook(out, "Chorus", "1.0");
        sheet = workbook.newWorksheet("Responses");
    }

    @Override
    public void header(List<String> names) throws IOException {
        write(names.stream().map(FormulaGuard::defused).toList());
    }

    @Override
    public void row(List<String> values) throws IOException {
        if (row >= MAX_ROWS) {
            throw new IOException("More rows than a worksheet holds; export as CSV or narrow the filters");
        }
        // inline strings are not formulas in Excel, but a sheet saved again as CSV would turn them into some
        write(FormulaGuard.defused(values, kinds));
    }

    private void write(List<String> values) throws IOException {
        for (int column = 0; column < values.size(); column++) {
            if (values.get(column) != null) {
                sheet.inlineString(row, column, values.get(column));
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void finish() throws IOException {
        sheet.finish();
        workbook.finish();
    }
}
