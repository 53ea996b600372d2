package org.chorus.insight.handover;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.apache.commons.csv.CSVRecord;
import org.chorus.platform.datapackage.Field;
import org.chorus.platform.datapackage.Table;
import org.chorus.platform.web.input.StorableText;
import org.chorus.platform.web.input.Vocabulary;
import org.chorus.platform.web.input.WrittenUuids;
import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One row of a handover package's CSV, read back into the values the tables store: an empty cell is a missing value,
 * a list is the JSON array the package wrote. A cell that cannot be read is the caller's 400, naming file, row and
 * column.
 */
final class PackageRow {

    private final Table table;
    private final String file;
    private final CSVRecord record;
    private final ObjectMapper objectMapper;

    PackageRow(Table table, CSVRecord record, ObjectMapper objectMapper) {
        this.table = table;
        this.file = table.path();
        this.record = record;
        this.objectMapper = objectMapper;
    }

    /**
     * The cell as it is, present where the table's schema requires it; in a column of codes, one of them. Another code
     * (a package edited, or written by a newer Chorus) would be stored, and every later read of its record would fail,
     * for every caller.
     */
    String text(String column) {
        String value = record.get(column);
        Optional<Field> field = table.fields().stream().filter(f -> f.name().equals(column)).findFirst();
        if (value.isEmpty()) {
            if (field.map(Field::required).orElse(false)) {
                throw bad(column, "is required");
            }
            return null;
        }
        storable(column, value);
        List<String> codes = field.map(Field::allowed).orElse(List.of());
        if (!codes.isEmpty() && !codes.contains(value)) {
            throw bad(column, "must be one of " + codes + Vocabulary.ofCodes(codes).didYouMean(value));
        }
        return value;
    }

    UUID uuid(String column) {
        return parsed(column, WrittenUuids::parse, WrittenUuids.RULE);
    }

    Integer integer(String column) {
        return parsed(column, Integer::valueOf, "must be a whole number");
    }

    boolean bool(String column) {
        String value = text(column);
        if (!"true".equals(value) && !"false".equals(value)) {
            throw bad(column, "must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    LocalDate date(String column) {
        return parsed(column, LocalDate::parse, "must be a date, yyyy-mm-dd");
    }

    Timestamp time(String column) {
        Instant time = parsed(column, Instant::parse, "must be an ISO-8601 time in UTC");
        return time == null ? null : Timestamp.from(time);
    }

    String[] strings(String column) {
        String value = text(column);
        try {
            List<String> items = value == null ? List.of() : objectMapper.readerForListOf(String.class).readValue(value);
            return items.toArray(String[]::new);
        } catch (JsonProcessingException e) {
            throw bad(column, "must be a JSON array of strings");
        }
    }

    UUID[] uuids(String column) {
        String[] items = strings(column);
        UUID[] ids = new UUID[items.length];
        for (int i = 0; i < items.length; i++) {
            try {
                ids[i] = WrittenUuids.parse(items[i]);
            } catch (IllegalArgumentException e) {
                throw bad(column, "must be a JSON array of UUIDs");
            }
        }
        return ids;
    }

    /** The cell read by {@code parse}, null when it is empty; a cell it cannot read breaks the rule. */
    private <T> T parsed(String column, Function<String, T> parse, String rule) {
        String value = text(column);
        try {
            return value == null ? null : parse.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw bad(column, rule);
        }
    }

    /** The cell's text as PostgreSQL keeps it (a list's items are checked as its JSON is read), or a 400. */
    private void storable(String column, String text) {
        String broken = StorableText.brokenRule(text);
        if (broken != null) {
            throw bad(column, broken);
        }
    }

    /** The package refused for a cell that breaks a rule: a 400 naming file, row, column and the rule. */
    ProblemException bad(String column, String rule) {
        return ProblemException.badRequest("invalid-package", "Handover package is not valid",
                where(column) + ": " + rule,
                List.of(FieldError.body("/" + file + "/" + record.getRecordNumber() + "/" + column, rule)));
    }

    /** The row's number in its file, the header not counted. */
    long number() {
        return record.getRecordNumber();
    }

    /** The cell's place in the package, as people read it. */
    String where(String column) {
        return file + " row " + record.getRecordNumber() + ", column " + column;
    }
}
