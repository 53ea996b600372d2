package org.chorus.survey.export;

import java.util.ArrayList;
import java.util.List;

/**
 * OWASP's "CSV Injection" defence, shared by the CSV and XLSX writers: a text cell that a spreadsheet could take for
 * a formula or a DDE call gets a leading apostrophe, so opening an export never runs what a respondent typed.
 */
final class FormulaGuard {

    private FormulaGuard() {
    }

    /** Every cell of a row made safe according to its column's kind. */
    static List<String> defused(List<String> values, List<CellKind> kinds) {
        List<String> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            out.add(bareNumber(value, kinds, i) ? value : defused(value));
        }
        return out;
    }

    /** Whether a cell is a plain number in a number column: left as it is, with nothing to defuse or quote. */
    static boolean bareNumber(String value, List<CellKind> kinds, int column) {
        return value != null && column < kinds.size() && switch (kinds.get(column)) {
            case NUMBER -> number(value);
            case TEXT -> false;
        };
    }

    /** A text cell, prefixed with an apostrophe when it starts (after any blanks) like a formula. */
    static String defused(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return formulaLike(value) ? "'" + value : value;
    }

    /**
     * Tab and carriage return start a formula themselves; spaces and line feeds are looked past, as spreadsheets
     * trim them before deciding whether a cell is a formula.
     */
    private static boolean formulaLike(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ' ' && c != '\n') {
                return trigger(c);
            }
        }
        return false;
    }

    /**
     * An optional minus, digits, and at most one decimal point between digits: what a numeric column's cells look
     * like; anything else in one is treated as text. By hand, as it runs for most cells of a million-row export.
     */
    private static boolean number(String value) {
        if (value.length() == 1) {
            char only = value.charAt(0);
            return only >= '0' && only <= '9';
        }
        int start = value.startsWith("-") ? 1 : 0;
        boolean point = false;
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (c == '.' && !point && i > start && i < value.length() - 1) {
                point = true;
            } else if (!digit) {
                return false;
            }
        }
        return value.length() > start;
    }

    private static boolean trigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
                || c == '\uFF1D' || c == '\uFF0B' || c == '\uFF0D' || c == '\uFF20';
    }
}
