package org.chorus.survey.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.chorus.survey.question.ExportColumn;

/**
 * SPSS syntax that reads a data package's CSV and labels it: GET DATA with each variable's format, then VARIABLE
 * LABELS (the question or option text), VALUE LABELS (what each code stands for) and VARIABLE LEVEL, in the language
 * the export was asked for. Also read by PSPP, which the tests run on it.
 */
final class SpssSyntax {

    /** SPSS keeps 256 bytes of a variable label and 120 of a value label. */
    private static final int VARIABLE_LABEL_BYTES = 255;
    private static final int VALUE_LABEL_BYTES = 120;
    /** The widest string variable SPSS has. */
    private static final int MAX_STRING_BYTES = 32_767;
    /** A UTF-8 character takes up to four bytes. */
    private static final int BYTES_PER_CHARACTER = 4;

    private SpssSyntax() {
    }

    static String of(DataPackage.Facts facts) {
        List<ExportColumn> columns = facts.columns();
        List<String> names = SpssNames.of(columns.stream().map(ExportColumn::name).toList());
        String language = facts.language();
        StringBuilder sps = new StringBuilder();
        sps.append("* Encoding: UTF-8.\n")
                .append("* ").append(comment(facts.survey().definition().title().label(language))).append(": survey ")
                .append(facts.survey().surveyId()).append(", version ").append(facts.survey().version())
                .append(", exported ").append(facts.exportedAt()).append(".\n")
                .append("* Reads ").append(DataPackage.CSV).append(" from the folder SPSS or PSPP runs in; ")
                .append("change FILE below if it is elsewhere.\n")
                .append("* The CSV and these labels are UTF-8: SET LOCALE makes PSPP read them so; SPSS reads them so ")
                .append("in Unicode mode (SET UNICODE=ON before any data is open).\n")
                .append("SET LOCALE='UTF-8'.\n")
                .append("GET DATA\n  /TYPE=TXT\n  /FILE='").append(DataPackage.CSV).append("'\n")
                .append("  /ENCODING='UTF8'\n  /ARRANGEMENT=DELIMITED\n  /DELCASE=LINE\n  /FIRSTCASE=2\n")
                .append("  /DELIMITERS=','\n  /QUALIFIER='\"'\n  /VARIABLES=\n");
        for (int i = 0; i < columns.size(); i++) {
            sps.append("    ").append(names.get(i)).append(' ').append(format(columns.get(i))).append('\n');
        }
        sps.append(".\nVARIABLE LABELS\n");
        for (int i = 0; i < columns.size(); i++) {
            sps.append(i == 0 ? "  " : "  /").append(names.get(i)).append(' ')
                    .append(quoted(columns.get(i).title().label(language), VARIABLE_LABEL_BYTES)).append('\n');
        }
        sps.append(".\n");
        valueLabels(sps, columns, names, language);
        sps.append("VARIABLE LEVEL\n");
        for (int i = 0; i < columns.size(); i++) {
            sps.append(i == 0 ? "  " : "  /").append(names.get(i)).append(" (")
                    .append(columns.get(i).measure().name()).append(")\n");
        }
        return sps.append(".\nEXECUTE.\n").toString();
    }

    private static void valueLabels(StringBuilder sps, List<ExportColumn> columns, List<String> names,
            String language) {
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            ExportColumn column = columns.get(i);
            if (column.categories().isEmpty()) {
                continue;
            }
            labels.append("  /").append(names.get(i));
            for (ExportColumn.Category category : column.categories()) {
                labels.append("\n    ").append(code(column, category.code())).append(' ')
                        .append(quoted(category.label().label(language), VALUE_LABEL_BYTES));
            }
            labels.append('\n');
        }
        if (!labels.isEmpty()) {
            sps.append("VALUE LABELS\n").append(labels).append(".\n");
        }
    }

    /** Whole numbers as F8.0; text wide enough for its longest value in UTF-8. */
    private static String format(ExportColumn column) {
        return switch (column.type()) {
            case INTEGER -> "F8.0";
            case STRING, DATETIME -> "A" + Math.max(1,
                    Math.min(MAX_STRING_BYTES, column.maxLength() * BYTES_PER_CHARACTER));
        };
    }

    private static String code(ExportColumn column, String code) {
        return switch (column.type()) {
            case INTEGER -> code;
            case STRING, DATETIME -> quoted(code, MAX_STRING_BYTES);
        };
    }

    /** A string literal: quotes doubled, cut at a character boundary to fit SPSS's limit, on one line. */
    static String quoted(String text, int maxBytes) {
        String oneLine = CsvRowWriter.oneLine(text == null ? "" : text);
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < oneLine.length();) {
            int codePoint = oneLine.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int size = character.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            kept.append(character);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return "'" + kept.toString().replace("'", "''") + "'";
    }

    /** A comment ends at a period closing a line, so the title goes on one line, followed by more words. */
    private static String comment(String text) {
        String line = CsvRowWriter.oneLine(text).strip();
        return line.isEmpty() ? "Survey" : line;
    }
}
