package org.chorus.insight.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.chorus.platform.web.problem.ProblemException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads an XLSX upload: the first sheet, or the one named, laid out as the CSV template (header in its first row).
 * Formulas are read as the values the spreadsheet last saved for them, never evaluated; dates as dates whatever their
 * display format; whole numbers without Excel's ".0".
 */
final class XlsxRows {

    /** Cell formats whose numbers are dates: any with a day, month or year part. */
    private static final Pattern DATE_FORMAT = Pattern.compile("(?i)[dmy]");

    private static final LocalDate EXCEL_DAY_ZERO = LocalDate.of(1899, 12, 30);
    /** The serial numbers of the first and last days Java holds. */
    private static final BigDecimal FIRST_SERIAL = BigDecimal.valueOf(LocalDate.MIN.toEpochDay()
            - EXCEL_DAY_ZERO.toEpochDay());
    private static final BigDecimal LAST_SERIAL = BigDecimal.valueOf(LocalDate.MAX.toEpochDay()
            - EXCEL_DAY_ZERO.toEpochDay());

    private XlsxRows() {
    }

    /** @param sheetName the sheet to read, or null for the first */
    static List<RawRow> read(byte[] content, String sheetName, Map<String, String> savedColumns) {
        SheetGrid grid = grid(content, sheetName);
        return TemplateColumns.of(grid.header(), savedColumns).rows(grid);
    }

    /** The sheet's cells as text, as the spreadsheet last saved them. */
    static SheetGrid grid(byte[] content, String sheetName) {
        if (ReadableWorkbook.isOLE2Header(content)) {
            // Excel encrypts a workbook with a password into an OLE2 container, the format of old .xls files too.
            throw MalformedUpload.because("The workbook is protected by a password, or is an old .xls file: save it "
                    + "as an .xlsx workbook without a password");
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content),
                new ReadingOptions(true, false))) {
            if (workbook.isDate1904()) {
                throw MalformedUpload.because("The workbook counts dates from 1904 (an old Mac Excel setting): "
                        + "turn off \"Use 1904 date system\" and save it again");
            }
            Sheet sheet = sheetName == null ? workbook.getFirstSheet() : workbook.findSheet(sheetName)
                    .orElseThrow(() -> MalformedUpload.because("The workbook has no sheet named '" + sheetName
                            + "'; its sheets are " + workbook.getSheets().map(Sheet::getName).toList()));
            try (Stream<Row> rows = sheet.openStream()) {
                return grid(rows.iterator());
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw MalformedUpload.because("The .xlsx workbook could not be read (" + e.getClass().getSimpleName()
                    + "): save it again from the spreadsheet as an Excel workbook");
        }
    }

    private static SheetGrid grid(Iterator<Row> sheet) {
        if (!sheet.hasNext()) {
            throw MalformedUpload.because("The sheet is empty: its first row must name the columns");
        }
        List<String> header = cells(sheet.next());
        List<SheetGrid.Row> rows = new ArrayList<>();
        while (sheet.hasNext()) {
            Row row = sheet.next();
            rows.add(new SheetGrid.Row(row.getRowNum(), cells(row)));
        }
        return new SheetGrid(header, rows);
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.hasCell(i) ? row.getCell(i) : null;
            cells.add(cell == null ? null : text(cell));
        }
        return cells;
    }

    private static String text(Cell cell) {
        return switch (cell.getType()) {
            case EMPTY -> null;
            case NUMBER -> number(cell, cell.asNumber());
            case FORMULA -> cached(cell);
            case BOOLEAN -> cell.asBoolean().toString();
            case STRING, ERROR -> cell.getText();
        };
    }

    /** A formula's value as last saved: a number if it reads as one, else its text. */
    private static String cached(Cell cell) {
        String raw = cell.getRawValue();
        if (raw == null) {
            return null;
        }
        try {
            return number(cell, new BigDecimal(raw));
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    /** A date-formatted number as the date it shows (day 0 of Excel's 1900 system is 30 December 1899). */
    private static String number(Cell cell, BigDecimal value) {
        String format = cell.getDataFormatString();
        // quoted text and [colour]/[locale] parts of a format are not date parts
        if (format != null && DATE_FORMAT.matcher(format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "")).find()) {
            // Beyond Java's days, the last (or first) one: the row's date rule refuses it as it refuses any day
            // PostgreSQL cannot hold, where the file failed as unreadable or longValue() wrapped round to another day.
            return EXCEL_DAY_ZERO.plusDays(value.max(FIRST_SERIAL).min(LAST_SERIAL).longValue()).toString();
        }
        return value.stripTrailingZeros().toPlainString();
    }
}
