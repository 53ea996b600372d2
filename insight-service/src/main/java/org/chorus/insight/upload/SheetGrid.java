package org.chorus.insight.upload;

import java.util.ArrayList;
import java.util.List;

/**
 * A spreadsheet's cells as text, before any column means anything: what the upload readers interpret, and what a
 * row report gives back to the person beside its status, so that they fix their own file rather than a copy of ours.
 *
 * @param header the first row: the file's own column names, without the blank cells after the last name, which a
 *     spreadsheet saves for columns that were only formatted or once held something
 * @param rows the rows after it, blank ones included, each with its spreadsheet row number
 */
record SheetGrid(List<String> header, List<Row> rows) {

    private static final int LETTERS = 26;

    SheetGrid {
        List<String> named = new ArrayList<>(header);
        while (!named.isEmpty() && isBlank(named.get(named.size() - 1))) {
            named.remove(named.size() - 1);
        }
        header = List.copyOf(named.stream().map(name -> name == null ? "" : name).toList());
    }

    /** Whether a column has no name in the header, so that nothing in it can be read. */
    boolean unnamed(int column) {
        return column >= header.size() || header.get(column).isBlank();
    }

    /** A column as a spreadsheet names it: A to Z, then AA, AB... */
    static String columnLetters(int column) {
        StringBuilder letters = new StringBuilder();
        for (int rest = column + 1; rest > 0; rest = (rest - 1) / LETTERS) {
            letters.insert(0, (char) ('A' + (rest - 1) % LETTERS));
        }
        return letters.toString();
    }

    static boolean isBlank(String cell) {
        return cell == null || cell.isBlank();
    }

    /** @param number the spreadsheet's row number: the header is row 1 */
    record Row(int number, List<String> cells) {

        /** The cell under a column, or null past the row's last cell. */
        String cell(int column) {
            return column < cells.size() ? cells.get(column) : null;
        }
    }
}
