package org.chorus.platform.datapackage;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * One column of a tabular resource, as its Table Schema describes it.
 *
 * @param allowed the values a code column may hold ({@code constraints.enum}); empty for any value
 */
public record Field(String name, Type type, String title, String description, boolean required, List<String> allowed) {

    public Field {
        allowed = List.copyOf(allowed);
    }

    public static Field of(String name, Type type, String title, String description) {
        return new Field(name, type, title, description, false, List.of());
    }

    public static Field required(String name, Type type, String title, String description) {
        return new Field(name, type, title, description, true, List.of());
    }

    /**
     * The fields of a record people change: its own, then the version and the two times every such record ends with
     * (its {@code VersionedEntity} columns), described alike in every package but for what its creation was.
     */
    public static List<Field> versioned(List<Field> own, String createdTitle, String createdDescription) {
        return Stream.concat(own.stream(), Stream.of(
                required("version", Type.INTEGER, "Version", "Changes with every update"),
                required("created_at", Type.DATETIME, createdTitle, createdDescription),
                required("updated_at", Type.DATETIME, "Updated", "When it last changed"))).toList();
    }

    /** The same field, its values limited to these codes. */
    public Field codes(List<String> codes) {
        return new Field(name, type, title, description, required, codes);
    }

    /** The same field, its values limited to the names of an enum's constants: how the database stores them. */
    public Field codes(Enum<?>[] values) {
        return codes(Arrays.stream(values).map(Enum::name).toList());
    }

    /** The Table Schema types Chorus writes, with how a cell holds each. */
    public enum Type {
        STRING,
        /** A UUID: a string of format uuid. */
        UUID,
        INTEGER,
        BOOLEAN,
        /** ISO-8601 date, yyyy-mm-dd. */
        DATE,
        /** ISO-8601 instant in UTC, with as many digits of a second as it needs. */
        DATETIME,
        /**
         * A list the database holds as an array, written as a JSON array in the cell: its items may hold any
         * character, quotes included.
         */
        ARRAY,
        /** A JSON array the database holds as JSON text, written as it is stored. */
        JSON_ARRAY,
        /** A JSON object or array in the cell, kept as the service stores it. */
        OBJECT;

        String tableSchemaType() {
            return switch (this) {
                case STRING, UUID -> "string";
                case INTEGER -> "integer";
                case BOOLEAN -> "boolean";
                case DATE -> "date";
                case DATETIME -> "datetime";
                case ARRAY, JSON_ARRAY -> "array";
                case OBJECT -> "object";
            };
        }

        String format() {
            return switch (this) {
                case UUID -> "uuid";
                // the strict default pattern refuses fractions of a second, which stored times have
                case DATETIME -> "any";
                case STRING, INTEGER, BOOLEAN, DATE, ARRAY, JSON_ARRAY, OBJECT -> "default";
            };
        }
    }
}
