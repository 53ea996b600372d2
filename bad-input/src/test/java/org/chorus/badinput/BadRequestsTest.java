package org.chorus.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** A seed replays its cases exactly, and the cases cover every kind of bad input the operations allow. */
class BadRequestsTest {

    private static final String DOCUMENT = """
            {"paths": {
              "/api/v1/findings": {
                "get": {"parameters": [{"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
                                       {"name": "limit", "in": "query", "schema": {"type": "integer"}}]},
                "post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/F"}}}}}
              },
              "/api/v1/findings/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true}]}},
              "/api/v1/actions": {
                "post": {"requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}}
              },
              "/q/health": {"get": {}}
            },
            "components": {"schemas": {"F": {"type": "object", "required": ["statement"],
              "properties": {"statement": {"type": "string"}, "participantCount": {"type": "integer"}}}}}}
            """;

    private final List<ApiOperation> operations = ApiOperation.of(json(DOCUMENT));
    private final Fixture fixture = new Fixture("chorus_sk_secret", "chorus_pk_public", "somewhere",
            Map.of("findings", UUID.randomUUID().toString(), "activities", UUID.randomUUID().toString()));

    @Test
    void readsTheApiOperationsOfTheDocumentWithTheirParametersAndBodies() {
        assertEquals(Set.of("GET /api/v1/findings", "POST /api/v1/findings", "GET /api/v1/findings/{id}",
                "POST /api/v1/actions"), Set.copyOf(operations.stream().map(ApiOperation::name).toList()));
        ApiOperation create = operations.stream().filter(operation -> operation.name().equals("POST /api/v1/findings"))
                .findFirst().orElseThrow();
        assertEquals(List.of("statement"), List.of(create.bodySchema().path("required").get(0).asText()));
    }

    @Test
    void theSameSeedGivesTheSameCases() {
        assertEquals(cases(42), cases(42));
    }

    @Test
    void everyKindOfBadInputIsGenerated() {
        BadRequests generator = new BadRequests(operations, fixture);
        SplittableRandom random = new SplittableRandom(7);
        Set<Mutation> seen = EnumSet.noneOf(Mutation.class);
        IntStream.range(0, 3_000).forEach(i -> seen.add(generator.next(random).mutation()));
        assertEquals(EnumSet.allOf(Mutation.class), seen);
    }

    @Test
    void anUnknownQueryParameterIsNoneOfTheOperationsAndARepeatedParameterOrHeaderIsSentTwice() {
        BadRequests generator = new BadRequests(operations, fixture);
        SplittableRandom random = new SplittableRandom(11);
        int unknown = 0;
        int repeated = 0;
        int repeatedHeaders = 0;
        for (int i = 0; i < 3_000; i++) {
            BadRequest request = generator.next(random);
            String query = request.pathAndQuery().contains("?")
                    ? request.pathAndQuery().substring(request.pathAndQuery().indexOf('?') + 1) : "";
            if (request.mutation() == Mutation.UNKNOWN_QUERY_PARAMETER) {
                unknown++;
                assertEquals(false, Set.of("from", "limit", "id").contains(request.target()), request.describe());
                // A parameter with no name is its target as sent: "=1".
                String sent = request.target().startsWith("=") ? request.target() : request.target() + "=";
                assertEquals(true, ("&" + query).contains("&" + sent), request.describe());
            } else if (request.mutation() == Mutation.REPEATED_QUERY_PARAMETER) {
                repeated++;
                assertEquals(2, query.split(request.target() + "=", -1).length - 1, request.describe());
            } else if (request.mutation() == Mutation.REPEATED_HEADER) {
                repeatedHeaders++;
                List<String> lines = request.headers().get(request.target());
                assertEquals(2, lines.size(), request.describe());
                assertEquals(false, lines.get(0).equals(lines.get(1)), request.describe());
                if (request.target().equals("Authorization")) {
                    assertEquals(true, request.describe().contains("Authorization=Bearer <key> | Bearer <key>"),
                            "a report shows both lines and neither key: " + request.describe());
                }
            } else {
                request.headers().forEach((name, lines) -> assertEquals(1, lines.size(), request.describe()));
            }
        }
        assertEquals(true, unknown > 0 && repeated > 0 && repeatedHeaders > 0);
    }

    @Test
    void halfACharacterIsAnEscapeInTheTargetedStringOfABodyThatIsOtherwiseValid() throws Exception {
        for (BadRequest request : generated(Mutation.HALF_CHARACTER, 13)) {
            String text = new String(request.body(), StandardCharsets.UTF_8);
            assertEquals(true, text.matches("(?s).*\\\\u[dD][89a-fA-F][0-9a-fA-F]{2}.*"), request.describe());
            String value = Gateway.JSON.readTree(request.body()).at(request.target()).textValue();
            assertEquals(false, StandardCharsets.UTF_8.newEncoder().canEncode(value), request.describe());
        }
    }

    @Test
    void aPaddedValueIsTheTargetedValueWithCharactersThatTrimmingWouldTakeOff() throws Exception {
        for (BadRequest request : generated(Mutation.PADDED_VALUE, 17)) {
            String value = Gateway.JSON.readTree(request.body()).at(request.target()).textValue();
            assertEquals(false, value.equals(value.trim()), request.describe());
            assertEquals(true, value.trim().matches("\\d+|\\d{4}-\\d{2}-\\d{2}.*|[0-9a-f-]{36}|[A-Z_]+"),
                    request.describe());
        }
    }

    @Test
    void aDateNotIsoIsTheTargetedDateInAnotherForm() throws Exception {
        for (BadRequest request : generated(Mutation.DATE_NOT_ISO, 19)) {
            JsonNode value = Gateway.JSON.readTree(request.body()).at(request.target());
            assertEquals(false, value.isMissingNode(), request.describe());
            assertEquals(false, value.isTextual() && value.textValue().matches("\\d{4}-\\d{2}-\\d{2}"),
                    request.describe());
        }
    }

    @Test
    void anIdNotWrittenIsTheTargetedIdsSixteenBytesInBase64() throws Exception {
        for (BadRequest request : generated(Mutation.ID_NOT_WRITTEN, 23)) {
            String value = Gateway.JSON.readTree(request.body()).at(request.target()).textValue();
            assertEquals(16, Base64.getDecoder().decode(value).length, request.describe());
        }
    }

    /** The cases of one kind among 3,000 generated from the seed; there is at least one. */
    private List<BadRequest> generated(Mutation kind, long seed) {
        BadRequests generator = new BadRequests(operations, fixture);
        SplittableRandom random = new SplittableRandom(seed);
        List<BadRequest> ofKind = IntStream.range(0, 3_000).mapToObj(i -> generator.next(random))
                .filter(request -> request.mutation() == kind).toList();
        assertEquals(false, ofKind.isEmpty(), kind + " is generated");
        return ofKind;
    }

    private List<String> cases(long seed) {
        BadRequests generator = new BadRequests(operations, fixture);
        SplittableRandom random = new SplittableRandom(seed);
        return IntStream.range(0, 500).mapToObj(i -> generator.next(random).describe()).toList();
    }

    static JsonNode json(String text) {
        try {
            return Gateway.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
