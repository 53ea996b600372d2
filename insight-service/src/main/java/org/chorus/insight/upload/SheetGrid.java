package org.chorus.insight.upload;

import java.util.List;

/**
 * A spreadsheet's cells as text, before any column means anything: what the upload readers interpret, and what a
 * row report gives back to the person beside its status, so that they fix their own file rather than a copy of ours.
 *
 * @param header the first row: the file's own column names
 * @param rows the rows after it, blank ones included, each with its spreadsheet row number
 */
record SheetGrid(List<String> header, List<Row> rows) {

    /** @param number the spreadsheet's row number: the header is row 1 */
    record Row(int number, List<String> cells) {

        /** The cell under a column, or null past the row's last cell. */
        String cell(int column) {
            return column < cells.size() ? cells.get(column) : null;
        }
    }
}
