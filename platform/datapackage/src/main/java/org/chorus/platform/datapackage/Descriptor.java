package org.chorus.platform.datapackage;

import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The conventions every Chorus datapackage.json follows (Frictionless Data Package v2): the profiles, how a CSV
 * resource and its dialect are declared, and a Table Schema for a {@link Table}. The analysts' response export adds
 * its own fields (categories, languages) to what this writes.
 */
public final class Descriptor {

    public static final String PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json";
    public static final String SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json";

    private Descriptor() {
    }

    /** The package's own facts, to which resources are added. */
    public static ObjectNode root(ObjectMapper objectMapper, String name, String title, String description,
            Instant created) {
        ObjectNode root = objectMapper.createObjectNode();
        root.put("$schema", PACKAGE_PROFILE);
        root.put("name", name);
        root.put("title", title);
        root.put("description", description);
        root.put("created", created.toString());
        root.putArray("resources");
        return root;
    }

    /**
     * A CSV resource as Chorus writes it: UTF-8 without a byte order mark, a header line, RFC 4180 quoting and
     * CRLF line ends. The caller adds its schema.
     */
    public static ObjectNode csvResource(ObjectMapper objectMapper, String name, String path) {
        ObjectNode resource = objectMapper.createObjectNode();
        resource.put("name", name);
        resource.put("type", "table");
        resource.put("path", path);
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        resource.putObject("dialect").put("header", true).put("delimiter", ",").put("quoteChar", "\"")
                .put("doubleQuote", true).put("lineTerminator", "\r\n");
        return resource;
    }

    /** A table's resource with its schema and, once it is known, how many rows it holds. */
    public static ObjectNode tableResource(ObjectMapper objectMapper, Table table, long rows) {
        ObjectNode resource = csvResource(objectMapper, table.name(), table.path());
        resource.put("title", table.title());
        resource.put("description", table.description());
        resource.put("rows", rows);
        resource.set("schema", schema(objectMapper, table));
        return resource;
    }

    public static ObjectNode schema(ObjectMapper objectMapper, Table table) {
        ObjectNode schema = objectMapper.createObjectNode();
        schema.put("$schema", SCHEMA_PROFILE);
        ArrayNode fields = schema.putArray("fields");
        table.fields().forEach(f -> fields.add(field(objectMapper, f)));
        schema.putArray("missingValues").add("");
        ArrayNode primaryKey = schema.putArray("primaryKey");
        table.primaryKey().forEach(primaryKey::add);
        if (!table.foreignKeys().isEmpty()) {
            ArrayNode foreignKeys = schema.putArray("foreignKeys");
            for (Table.ForeignKey key : table.foreignKeys()) {
                ObjectNode entry = foreignKeys.addObject();
                ArrayNode own = entry.putArray("fields");
                key.fields().forEach(own::add);
                ObjectNode reference = entry.putObject("reference");
                reference.put("resource", key.resource());
                ArrayNode referenced = reference.putArray("fields");
                key.referencedFields().forEach(referenced::add);
            }
        }
        return schema;
    }

    private static ObjectNode field(ObjectMapper objectMapper, Field field) {
        ObjectNode node = objectMapper.createObjectNode();
        node.put("name", field.name());
        node.put("type", field.type().tableSchemaType());
        node.put("format", field.type().format());
        node.put("title", field.title());
        node.put("description", field.description());
        if (field.required() || !field.allowed().isEmpty()) {
            ObjectNode constraints = node.putObject("constraints");
            if (field.required()) {
                constraints.put("required", true);
            }
            if (!field.allowed().isEmpty()) {
                ArrayNode allowed = constraints.putArray("enum");
                field.allowed().forEach(allowed::add);
            }
        }
        return node;
    }
}
