package org.chorus.platform.datapackage;

import java.util.List;

/**
 * A tabular resource of a data package: one CSV file, {@code <name>.csv}, and the Table Schema that describes it.
 *
 * @param primaryKey the fields that identify a row
 * @param foreignKeys rows of other resources of the same package that a row refers to
 */
public record Table(String name, String title, String description, List<Field> fields, List<String> primaryKey,
        List<ForeignKey> foreignKeys) {

    public Table {
        fields = List.copyOf(fields);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
    }

    public String path() {
        return name + ".csv";
    }

    public List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }

    /**
     * A reference from this table's fields to another resource's. A field holding an array of ids refers with each
     * of its items, which the Table Schema cannot say; its description says so instead, and no key is declared.
     */
    public record ForeignKey(List<String> fields, String resource, List<String> referencedFields) {

        public ForeignKey {
            fields = List.copyOf(fields);
            referencedFields = List.copyOf(referencedFields);
        }

        public static ForeignKey of(String field, String resource, String referencedField) {
            return new ForeignKey(List.of(field), resource, List.of(referencedField));
        }
    }
}
