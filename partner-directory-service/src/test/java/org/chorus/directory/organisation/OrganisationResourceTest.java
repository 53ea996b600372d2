package org.chorus.directory.organisation;

import static io.restassured.RestAssured.given;
import static org.chorus.directory.DirectoryFixtures.ADMIN;
import static org.chorus.directory.DirectoryFixtures.organisation;
import static org.chorus.directory.DirectoryFixtures.postAsAdmin;
import static org.chorus.directory.DirectoryFixtures.registerArea;
import static org.chorus.directory.DirectoryFixtures.registerOrganisation;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.OrganisationData;
import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.EventProbe;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.web.caller.Scopes;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
class OrganisationResourceTest {

    @Inject
    ObjectMapper objectMapper;

    @Test
    void registeringAnOrganisationAnnouncesItOnTheOrganisationsTopic() {
        String area = registerArea("blackpool");
        var created = postAsAdmin("/api/v1/organisations",
                organisation("Healthwatch Blackpool", "HEALTHWATCH", List.of(area)))
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("name", equalTo("Healthwatch Blackpool"))
                .body("placeCodes", contains(area))
                .body("active", equalTo(true))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/organisations/" + id));

        var event = EventProbe.await(ChorusEventTypes.DIRECTORY_ORGANISATIONS, e -> e.aggregateId().equals(id),
                Duration.ofSeconds(10));
        assertEquals(ChorusEventTypes.ORGANISATION_REGISTERED.type(), event.type());
        OrganisationData data = event.dataAs(objectMapper, OrganisationData.class);
        assertEquals("Healthwatch Blackpool", data.name());
        assertEquals("HEALTHWATCH", data.type());
        assertEquals(List.of(area), data.placeCodes());
        assertEquals("/chorus/partner-directory-service", event.source());
    }

    @Test
    void listsFilterByTypeAndPlaceAndPageWithACursor() {
        String area = registerArea("lancashire");
        String other = registerArea("cumbria");
        for (String name : List.of("Healthwatch Lancashire", "Lancashire County Council", "Lancashire Carers")) {
            String type = name.startsWith("Healthwatch") ? "HEALTHWATCH" : name.contains("Council") ? "LOCAL_AUTHORITY" : "VCFSE";
            registerOrganisation(organisation(name, type, List.of(area)));
        }
        registerOrganisation(organisation("Healthwatch Cumbria", "HEALTHWATCH", List.of(other)));

        given().header("Authorization", ADMIN).queryParam("place", area).queryParam("type", "HEALTHWATCH")
                .when().get("/api/v1/organisations")
                .then().statusCode(200)
                .body("items.name", contains("Healthwatch Lancashire"));

        var first = given().header("Authorization", ADMIN).queryParam("place", area).queryParam("limit", 2)
                .when().get("/api/v1/organisations")
                .then().statusCode(200)
                .body("items.name", contains("Healthwatch Lancashire", "Lancashire Carers"))
                .header("Link", containsString("rel=\"next\""))
                .extract();
        given().header("Authorization", ADMIN).queryParam("place", area).queryParam("limit", 2)
                .queryParam("cursor", first.<String>path("nextCursor"))
                .when().get("/api/v1/organisations")
                .then().statusCode(200)
                .body("items.name", contains("Lancashire County Council"))
                .body("nextCursor", nullValue());
    }

    @Test
    void anUpdateNeedsTheCurrentETag() {
        String area = registerArea("blackburn");
        Map<String, Object> body = new HashMap<>(organisation("Healthwatch Blackburn", "HEALTHWATCH", List.of(area)));
        String id = registerOrganisation(body);
        String etag = given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + id)
                .then().statusCode(200).extract().header("ETag");

        body.put("name", "Healthwatch Blackburn with Darwen");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/organisations/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        String newTag = given().header("Authorization", ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body(body)
                .when().put("/api/v1/organisations/" + id)
                .then().statusCode(200).body("name", equalTo("Healthwatch Blackburn with Darwen"))
                .extract().header("ETag");
        assertFalse(newTag.equals(etag), "the ETag changes with every update");

        body.put("name", "A stale edit");
        given().header("Authorization", ADMIN).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/organisations/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + id)
                .then().body("name", equalTo("Healthwatch Blackburn with Darwen"));
    }

    @Test
    void deactivationKeepsTheOrganisationAndAnnouncesIt() {
        String id = registerOrganisation(organisation("Closing Community Trust", "VCFSE", List.of()));
        String etag = given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + id)
                .then().extract().header("ETag");
        given().header("Authorization", ADMIN).header("If-Match", etag)
                .when().post("/api/v1/organisations/" + id + "/deactivate")
                .then().statusCode(200).body("active", equalTo(false));
        given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + id)
                .then().statusCode(200).body("active", equalTo(false));
        EventProbe.await(ChorusEventTypes.DIRECTORY_ORGANISATIONS,
                e -> e.aggregateId().equals(id) && e.type().equals(ChorusEventTypes.ORGANISATION_DEACTIVATED.type()),
                Duration.ofSeconds(10));
    }

    @Test
    void aRetriedRegistrationWithTheSameKeyReturnsTheFirstResult() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = organisation("Healthwatch Retry", "HEALTHWATCH", List.of());
        String first = given().header("Authorization", ADMIN).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        String again = given().header("Authorization", ADMIN).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        assertEquals(first, again);
        given().header("Authorization", ADMIN).queryParam("limit", 500)
                .when().get("/api/v1/organisations")
                .then().body("items.findAll { it.name == 'Healthwatch Retry' }", hasSize(1));

        given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(organisation("Something Else", "VCFSE", List.of()))
                .when().post("/api/v1/organisations")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void idempotencyKeysBelongToTheCallingOrganisation() {
        String sharedKey = "nightly-import-1";
        String first = given().header("Authorization", TestCallers.bearer(UUID.randomUUID(), Scopes.DIRECTORY_MANAGE))
                .header("Idempotency-Key", sharedKey).contentType(ContentType.JSON)
                .body(organisation("Lancashire Mind", "VCFSE", List.of()))
                .when().post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        String second = given().header("Authorization", TestCallers.bearer(UUID.randomUUID(), Scopes.DIRECTORY_MANAGE))
                .header("Idempotency-Key", sharedKey).contentType(ContentType.JSON)
                .body(organisation("Blackpool Mind", "VCFSE", List.of()))
                .when().post("/api/v1/organisations").then().statusCode(201)
                .body("name", equalTo("Blackpool Mind")).extract().path("id");
        assertFalse(first.equals(second), "another organisation's key space is not shared");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Map<String, Object> body = new HashMap<>(organisation("Bad ODS", "ICB", List.of("nowhere-at-all")));
        body.put("odsCode", "qe-1");
        body.put("contactEmail", "not an email");
        postAsAdmin("/api/v1/organisations", body).statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", contains("/contactEmail", "/odsCode"))
                .body("errors.detail", hasItem(containsString("ODS code")));

        body.put("odsCode", "QE1");
        body.put("contactEmail", "ok@example.org");
        postAsAdmin("/api/v1/organisations", body).statusCode(422).body("errors[0].pointer", equalTo("/placeCodes/0"));

        body.put("placeCodes", List.of());
        body.put("allowedOrigins", List.of("https://ok.example", "https://bad.example/path"));
        postAsAdmin("/api/v1/organisations", body)
                .statusCode(422).body("errors[0].pointer", equalTo("/allowedOrigins/1"));

        body.put("allowedOrigins", List.of());
        body.put("colour", "blue");
        postAsAdmin("/api/v1/organisations", body).statusCode(400).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/colour"));

        postAsAdmin("/api/v1/organisations", Map.of("name", "Wrong type", "type", "HOSPITAL"))
                .statusCode(400).body("errors[0].pointer", equalTo("/type"))
                .body("errors[0].detail", containsString("HEALTHWATCH"));

        postAsAdmin("/api/v1/organisations", "{\"name\": ").statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("JSON"))
                .body(org.hamcrest.Matchers.not(containsString("Exception")));

        given().header("Authorization", ADMIN).queryParam("limit", 501)
                .when().get("/api/v1/organisations")
                .then().statusCode(400).body("errors[0].parameter", equalTo("limit"));

        given().header("Authorization", ADMIN).queryParam("cursor", "garbage")
                .when().get("/api/v1/organisations")
                .then().statusCode(400).body("errors[0].parameter", equalTo("cursor"));

        given().header("Authorization", ADMIN).when().get("/api/v1/organisations/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", ADMIN).when().get("/api/v1/organisations/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void callersNeedAnInternalTokenAndTheRightScope() {
        given().when().get("/api/v1/organisations")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not-a-token").when().get("/api/v1/organisations")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestCallers.bearer(UUID.randomUUID(), Scopes.INSIGHTS_READ))
                .contentType(ContentType.JSON).body(organisation("Sneaky", "OTHER", List.of()))
                .when().post("/api/v1/organisations")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestCallers.bearer(UUID.randomUUID(), Scopes.INSIGHTS_READ))
                .when().get("/api/v1/organisations")
                .then().statusCode(200).body("items", everyItem(notNullValue()));
        String publishable = "Bearer " + TestCallers.token(UUID.randomUUID(), UUID.randomUUID(), "publishable",
                java.util.Set.of(Scopes.PUBLIC));
        given().header("Authorization", publishable).when().get("/api/v1/organisations")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
