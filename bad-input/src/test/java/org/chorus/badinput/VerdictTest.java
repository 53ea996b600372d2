package org.chorus.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The rule every answer to bad input is held to. */
class VerdictTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aServerErrorBreaksTheRule() {
        assertEquals("answered 500", Verdict.judge(request("/title"), answer(500, PROBLEM, "{}")));
        assertEquals("answered 503", Verdict.judge(request(null), answer(503, PROBLEM, "{}")));
    }

    @Test
    void aClientErrorMustBeAProblemDocument() {
        assertEquals("answered 431 as '', not application/problem+json",
                Verdict.judge(request(null), answer(431, "", "")));
        assertNull(Verdict.judge(request(null), answer(415, PROBLEM, "{\"status\":415}")));
    }

    @Test
    void aBadRequestMustNameTheFieldOrAnEnclosingOne() {
        assertNull(Verdict.judge(request("/answers/q1/text"),
                answer(400, PROBLEM, "{\"errors\":[{\"pointer\":\"/answers/q1/text\"}]}")));
        assertNull(Verdict.judge(request("/answers/q1/text"),
                answer(422, PROBLEM, "{\"errors\":[{\"pointer\":\"/answers/q1\"}]}")));
        assertEquals("answered 422 without naming /answers/q1/text", Verdict.judge(request("/answers/q1/text"),
                answer(422, PROBLEM, "{\"errors\":[{\"pointer\":\"/channel\"}]}")));
        assertEquals("answered 400 without naming /title", Verdict.judge(request("/title"),
                answer(400, PROBLEM, "{\"errors\":[{\"pointer\":\"\"}]}")));
    }

    @Test
    void aMissingListItemMayBeNamedByAFieldBesideTheList() {
        String option = "/sections/1/questions/5/options/1";
        assertNull(Verdict.judge(request(option),
                answer(422, PROBLEM, "{\"errors\":[{\"pointer\":\"/sections/1/questions/5/maxChoices\"}]}")));
        assertEquals("answered 422 without naming " + option, Verdict.judge(request(option),
                answer(422, PROBLEM, "{\"errors\":[{\"pointer\":\"/sections/1/questions/4/maxChoices\"}]}")));
        assertEquals("answered 422 without naming " + option, Verdict.judge(request(option),
                answer(422, PROBLEM, "{\"errors\":[{\"pointer\":\"/sections/1/title\"}]}")));
        assertEquals("answered 422 without naming /sections/1/questions/5/title",
                Verdict.judge(request("/sections/1/questions/5/title"),
                        answer(422, PROBLEM, "{\"errors\":[{\"pointer\":\"/sections/1/questions/5/maxChoices\"}]}")));
    }

    @Test
    void aParameterIsNamedInErrorsOrAsAWordOfTheDetail() {
        assertNull(Verdict.judge(request("since"), answer(400, PROBLEM, "{\"errors\":[{\"parameter\":\"since\"}]}")));
        assertNull(Verdict.judge(request("Idempotency-Key"),
                answer(400, PROBLEM, "{\"detail\":\"idempotency-key: at most 255 characters\"}")));
        assertEquals("answered 400 without naming id", Verdict.judge(request("id"),
                answer(400, PROBLEM, "{\"detail\":\"Invalid UUID string: x\"}")));
    }

    @Test
    void whatCouldBeReadOneWayOrAnotherIsNeverQuietlyAccepted() {
        for (Mutation kind : List.of(Mutation.UNKNOWN_QUERY_PARAMETER, Mutation.REPEATED_QUERY_PARAMETER,
                Mutation.REPEATED_HEADER)) {
            BadRequest request = new BadRequest("GET /api/v1/x", kind, "by", "GET", "/api/v1/x?by=a&by=a", Map.of(),
                    null);
            assertEquals("answered 200, taking by quietly",
                    Verdict.judge(request, answer(200, "application/json", "{}")));
            assertNull(Verdict.judge(request, answer(400, PROBLEM, "{\"errors\":[{\"parameter\":\"by\"}]}")));
        }
        BadRequest notUtf8 = new BadRequest("POST /api/v1/x", Mutation.INVALID_UTF8, null, "POST", "/api/v1/x",
                Map.of(), new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}' });
        assertEquals("answered 201 quietly", Verdict.judge(notUtf8, answer(201, "application/json", "{}")));
        assertNull(Verdict.judge(notUtf8, answer(400, PROBLEM, "{\"detail\":\"The body is not UTF-8\"}")));
        BadRequest halfACharacter = new BadRequest("POST /api/v1/x", Mutation.HALF_CHARACTER, "/name", "POST",
                "/api/v1/x", Map.of(), "{\"name\":\"Caf\\ud800e\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("answered 201, taking /name quietly",
                Verdict.judge(halfACharacter, answer(201, "application/json", "{}")));
        assertNull(Verdict.judge(halfACharacter, answer(400, PROBLEM, "{\"errors\":[{\"pointer\":\"/name\"}]}")));
        BadRequest padded = new BadRequest("POST /api/v1/x", Mutation.PADDED_VALUE, "/decidedOn", "POST",
                "/api/v1/x", Map.of(), "{\"decidedOn\":\"\\u00002024-06-01\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("answered 201, taking /decidedOn quietly",
                Verdict.judge(padded, answer(201, "application/json", "{}")));
        BadRequest dayNumber = new BadRequest("POST /api/v1/x", Mutation.DATE_NOT_ISO, "/startDate", "POST",
                "/api/v1/x", Map.of(), "{\"startDate\":20240601}".getBytes(StandardCharsets.UTF_8));
        assertEquals("answered 201, taking /startDate quietly",
                Verdict.judge(dayNumber, answer(201, "application/json", "{}")));
        assertNull(Verdict.judge(request("limit"), answer(200, "application/json", "{}")),
                "a value of the wrong form may be read as another, as long as nothing fails");
    }

    private static BadRequest request(String target) {
        return new BadRequest("GET /api/v1/x", Mutation.BAD_QUERY_PARAMETER, target, "GET", "/api/v1/x", Map.of(),
                null);
    }

    private static Gateway.Answer answer(int status, String contentType, String body) {
        return new Gateway.Answer(status, contentType, body, HttpHeaders.of(Map.of(), (name, value) -> true));
    }
}
