package org.chorus.directory;

import static io.restassured.RestAssured.given;
import static org.chorus.directory.DirectoryFixtures.ADMIN;
import static org.chorus.directory.DirectoryFixtures.organisation;
import static org.chorus.directory.DirectoryFixtures.postAsAdmin;
import static org.chorus.directory.DirectoryFixtures.registerArea;
import static org.chorus.directory.DirectoryFixtures.registerOrganisation;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Input a script can send that once reached PostgreSQL or a parser unchecked and came back as a 500. */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class BadInputTest {

    @Inject
    ObjectMapper objectMapper;

    @Test
    void aNulCharacterInAQueryParameterIsA400NamingIt() {
        given().header("Authorization", ADMIN).urlEncodingEnabled(false)
                .when().get("/api/v1/organisations?place=%00")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("place"))
                .body("detail", containsString("place"));
    }

    @Test
    void aTamperedApiKeyCursorIsA400NamingTheCursor() {
        String organisation = registerOrganisation(organisation(DirectoryFixtures.unique("Cursor test"), "VCFSE",
                List.of(registerArea("cursor"))));
        refusedNaming("/api/v1/organisations/" + organisation + "/api-keys", "cursor",
                cursor("yesterday\n" + UUID.randomUUID()));
    }

    @Test
    void aTamperedAuditLogCursorIsA400NamingTheCursor() {
        refusedNaming("/api/v1/audit-log", "cursor", cursor("2026-13-45\n" + UUID.randomUUID()));
    }

    @Test
    void anAuditLogTimeBeyondPostgresqlIsA400NamingItNotAFailedQuery() {
        for (String since : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z")) {
            refusedNaming("/api/v1/audit-log", "since", since);
        }
        refusedNaming("/api/v1/audit-log", "until", "yesterday");
    }

    /** A record's constructor field given twice once failed Jackson with a definition error, a bare 500. */
    @Test
    void aFieldGivenTwiceIsA400NamingIt() {
        String body = "{\"code\": \"" + DirectoryFixtures.unique("twice") + "\", \"name\": \"Twice\", "
                + "\"kind\": \"INTEGRATED_CARE_SYSTEM\", \"kind\": 1}";
        postAsAdmin("/api/v1/places", body).statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("Duplicate field 'kind'"));
    }

    /** A missing body was a 422 whose one error had an empty pointer and said ": must not be null". */
    @Test
    void aRequestWithoutItsBodyIsA400SayingSo() {
        for (String body : new String[] { "", "null" }) {
            postAsAdmin("/api/v1/places", body).statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/malformed-body"))
                    .body("detail", equalTo("The body must be a JSON object; the request has none, or it is null"));
        }
    }

    /** Jackson reads the first value of a body and would drop what follows it unseen. */
    @Test
    void aBodyThatGoesOnAfterItsObjectIsA400AndNothingOfItIsStored() {
        String first = DirectoryFixtures.unique("first");
        String second = DirectoryFixtures.unique("second");
        String body = "{\"code\": \"" + first + "\", \"name\": \"First\", \"kind\": \"INTEGRATED_CARE_SYSTEM\"}"
                + "{\"code\": \"" + second + "\", \"name\": \"Second\", \"kind\": \"INTEGRATED_CARE_SYSTEM\"}";
        postAsAdmin("/api/v1/places", body).statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/malformed-body"))
                .body("detail", equalTo("The body goes on after its JSON value; send one JSON value"));
        postAsAdmin("/api/v1/places", "{\"code\": \"" + first + "\", \"name\": \"First\", "
                + "\"kind\": \"INTEGRATED_CARE_SYSTEM\"}}").statusCode(400);
        given().header("Authorization", ADMIN).when().get("/api/v1/places/" + first).then().statusCode(404);
    }

    /** Jackson reads overlong forms: C0 AF was stored as "/", and a body of UTF-16 was read too. */
    @Test
    void aBodyThatIsNotUtf8IsA400SayingSoAndNothingOfItIsStored() {
        String code = DirectoryFixtures.unique("overlong");
        byte[] before = ("{\"code\": \"" + code + "\", \"name\": \"A").getBytes(StandardCharsets.UTF_8);
        byte[] after = "B\", \"kind\": \"INTEGRATED_CARE_SYSTEM\"}".getBytes(StandardCharsets.UTF_8);
        byte[] overlong = new byte[before.length + 2 + after.length];
        System.arraycopy(before, 0, overlong, 0, before.length);
        overlong[before.length] = (byte) 0xC0;
        overlong[before.length + 1] = (byte) 0xAF;
        System.arraycopy(after, 0, overlong, before.length + 2, after.length);
        given().header("Authorization", ADMIN).contentType("application/json").body(overlong)
                .when().post("/api/v1/places")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/malformed-body"))
                .body("detail", equalTo("The body is not UTF-8 at byte " + before.length + " (C0); send JSON in UTF-8, "
                        + "as RFC 8259 asks"));
        byte[] utf16 = ("{\"code\": \"" + code + "\", \"name\": \"AB\", \"kind\": \"INTEGRATED_CARE_SYSTEM\"}")
                .getBytes(StandardCharsets.UTF_16);
        given().header("Authorization", ADMIN).contentType("application/json; charset=UTF-16").body(utf16)
                .when().post("/api/v1/places")
                .then().statusCode(400).body("detail", startsWith("The body is not UTF-8 at byte 0 (FE);"));
        given().header("Authorization", ADMIN).when().get("/api/v1/places/" + code).then().statusCode(404);
    }

    /** JSON can spell half of a surrogate pair as an escape: PostgreSQL stored it as "?" and the answer was a 201. */
    @Test
    void halfOfACharacterInAStringIsA400NamingTheFieldAndNothingIsStored() {
        String code = DirectoryFixtures.unique("half");
        postAsAdmin("/api/v1/places", "{\"code\": \"" + code + "\", \"name\": \"Caf\\ud800e\", "
                + "\"kind\": \"INTEGRATED_CARE_SYSTEM\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/name"))
                .body("errors[0].detail", equalTo("must hold whole characters: \\uD800 at character 4 is half of a "
                        + "surrogate pair, and the other half must follow it (RFC 8259, section 8.2)"));
        given().header("Authorization", ADMIN).when().get("/api/v1/places/" + code).then().statusCode(404);
        postAsAdmin("/api/v1/places", "{\"code\": \"" + code + "\", \"name\": \"Caf\\u00e9 \\ud83c\\udfe5\", "
                + "\"kind\": \"INTEGRATED_CARE_SYSTEM\"}").statusCode(201);
        given().header("Authorization", ADMIN).when().get("/api/v1/places/" + code)
                .then().statusCode(200).body("name", equalTo("Caf\u00e9 \uD83C\uDFE5"));
    }

    /** Decoded with U+FFFD in its place, Latin-1's é looked for a place no code can name: a 404 for the wrong reason. */
    @Test
    void aPathParameterWhoseEscapesAreNotUtf8IsA400NamingIt() {
        given().urlEncodingEnabled(false).header("Authorization", ADMIN).when().get("/api/v1/places/Caf%E9")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("code"))
                .body("errors[0].detail", startsWith("is not UTF-8 once its percent-escapes are decoded"));
        given().urlEncodingEnabled(false).header("Authorization", ADMIN).when().get("/api/v1/places/Caf%C3%A9")
                .then().statusCode(404);
    }

    @Test
    void anAuditLogPeriodEndingBeforeItStartsIsA400NamingItsEnd() {
        given().header("Authorization", ADMIN).queryParam("since", "2026-12-01T00:00:00Z")
                .queryParam("until", "2026-11-01T00:00:00Z").when().get("/api/v1/audit-log")
                .then().statusCode(400).body("errors[0].parameter", equalTo("until"))
                .body("errors[0].detail", equalTo("must be after since"));
    }

    @Test
    void aCursorCarryingANulCharacterIsA400NotAFailedQuery() {
        refusedNaming("/api/v1/organisations", "cursor", cursor("a\0b\n" + UUID.randomUUID()));
    }

    @Test
    void jsonNestedDeeperThanTheBoundIsRefusedAsA400() {
        String deep = "[".repeat(100) + "]".repeat(100);
        assertThrows(StreamConstraintsException.class, () -> objectMapper.readTree(deep));
        postAsAdmin("/api/v1/organisations", deep).statusCode(400)
                .contentType("application/problem+json");
    }

    /** GETs the path as the admin with the query parameter, and expects the 400 problem that names it. */
    private static void refusedNaming(String path, String parameter, String value) {
        given().header("Authorization", ADMIN).queryParam(parameter, value)
                .when().get(path)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo(parameter));
    }

    private static String cursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
