package org.chorus.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Generates bad requests across every operation: each one an accepted request of the fixture's organisation broken
 * in one way. The same seed gives the same cases, so a failure can be replayed.
 */
public final class BadRequests {

    private static final List<Mutation> FIELD_MUTATIONS = List.of(Mutation.WRONG_TYPE, Mutation.UNEXPECTED_WORD,
            Mutation.BAD_NUMBER, Mutation.LONG_STRING, Mutation.NUL_IN_STRING, Mutation.CONTROL_CHARACTERS,
            Mutation.HALF_CHARACTER, Mutation.MISSING_FIELD, Mutation.NULL_FIELD, Mutation.UNKNOWN_FIELD);
    private static final List<Mutation> BODY_MUTATIONS = List.of(Mutation.MALFORMED_JSON, Mutation.INVALID_UTF8,
            Mutation.DUPLICATE_KEY, Mutation.DEEP_NESTING, Mutation.EMPTY_BODY, Mutation.NOT_AN_OBJECT,
            Mutation.WRONG_CONTENT_TYPE);

    private final List<ApiOperation> operations;
    private final Fixture fixture;

    public BadRequests(List<ApiOperation> operations, Fixture fixture) {
        this.operations = List.copyOf(operations);
        this.fixture = fixture;
    }

    public List<ApiOperation> operations() {
        return operations;
    }

    /** The next case: an operation, then one of the ways it can be called wrongly. */
    public BadRequest next(SplittableRandom random) {
        ApiOperation operation = OddValues.pick(random, operations);
        JsonNode body = baseBody(operation);
        Mutation mutation = OddValues.pick(random, applicable(operation, body));
        Draft draft = Draft.valid(operation, fixture, body);
        switch (mutation) {
            case WRONG_TYPE, UNEXPECTED_WORD, BAD_NUMBER, LONG_STRING, NUL_IN_STRING, CONTROL_CHARACTERS,
                    HALF_CHARACTER, PADDED_VALUE, DATE_NOT_ISO, ID_NOT_WRITTEN, MISSING_FIELD, NULL_FIELD,
                    UNKNOWN_FIELD ->
                    BodyMutations.apply(mutation, draft, random);
            case MALFORMED_JSON, INVALID_UTF8, DUPLICATE_KEY, DEEP_NESTING, EMPTY_BODY, NOT_AN_OBJECT,
                    WRONG_CONTENT_TYPE -> WholeBodyMutations.apply(mutation, draft, random);
            case BAD_PATH_PARAMETER, BAD_QUERY_PARAMETER, UNKNOWN_QUERY_PARAMETER, REPEATED_QUERY_PARAMETER,
                    REPEATED_HEADER, ODD_HEADER, BAD_CALLER ->
                    RequestMutations.apply(mutation, draft, fixture, random);
        }
        return draft.build(mutation);
    }

    private static List<Mutation> applicable(ApiOperation operation, JsonNode body) {
        List<Mutation> applicable = new ArrayList<>(List.of(Mutation.ODD_HEADER, Mutation.BAD_CALLER,
                Mutation.UNKNOWN_QUERY_PARAMETER, Mutation.REPEATED_HEADER));
        if (operation.takesBody()) {
            // Bodies are where most of the ways to go wrong are: weigh them as such.
            applicable.addAll(FIELD_MUTATIONS);
            applicable.addAll(FIELD_MUTATIONS);
            applicable.addAll(BODY_MUTATIONS);
            if (BodyMutations.holdsAValue(body) && !operation.takesFiles()) {
                applicable.add(Mutation.PADDED_VALUE);
                applicable.add(Mutation.PADDED_VALUE);
            }
            if (BodyMutations.holdsADate(body) && !operation.takesFiles()) {
                applicable.add(Mutation.DATE_NOT_ISO);
            }
            if (BodyMutations.holdsAnId(body) && !operation.takesFiles()) {
                applicable.add(Mutation.ID_NOT_WRITTEN);
            }
        }
        if (!operation.parameters(ApiOperation.Location.PATH).isEmpty()) {
            applicable.add(Mutation.BAD_PATH_PARAMETER);
            applicable.add(Mutation.BAD_PATH_PARAMETER);
        }
        for (int i = 0; i < Math.min(3, operation.parameters(ApiOperation.Location.QUERY).size()); i++) {
            applicable.add(Mutation.BAD_QUERY_PARAMETER);
            applicable.add(Mutation.BAD_QUERY_PARAMETER);
        }
        if (!operation.parameters(ApiOperation.Location.QUERY).isEmpty()) {
            applicable.add(Mutation.REPEATED_QUERY_PARAMETER);
        }
        return applicable;
    }

    /** The operation's accepted body, fresh for each case since mutations change it in place. */
    private JsonNode baseBody(ApiOperation operation) {
        if (!operation.takesBody()) {
            return null;
        }
        JsonNode valid = ValidBodies.of(operation, fixture);
        return valid != null ? valid : SchemaBodies.of(operation.bodySchema());
    }

    /** A body built from a schema alone, for operations with no accepted body listed: its required fields. */
    static final class SchemaBodies {

        private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

        private SchemaBodies() {
        }

        static JsonNode of(JsonNode schema) {
            return schema == null ? NODES.objectNode() : value(schema, 0);
        }

        private static JsonNode value(JsonNode schema, int depth) {
            if (schema.has("example")) {
                return schema.get("example").deepCopy();
            }
            if (schema.has("enum")) {
                return schema.get("enum").get(0).deepCopy();
            }
            return switch (schema.path("type").asText()) {
                case "integer", "number" -> NODES.numberNode(1);
                case "boolean" -> NODES.booleanNode(false);
                case "array" -> NODES.arrayNode();
                case "string" -> NODES.textNode("x");
                default -> {
                    var object = NODES.objectNode();
                    if (depth < 4) {
                        schema.path("required").forEach(name -> object.set(name.asText(),
                                value(schema.path("properties").path(name.asText()), depth + 1)));
                    }
                    yield object;
                }
            };
        }
    }
}
