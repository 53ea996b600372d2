package org.chorus.e2e;

import static org.chorus.e2e.SystemUnderTest.admin;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.chorus.e2e.SystemUnderTest.stack;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/** Addresses the API hands out (Location, Link) lead callers back to the gateway, never to a service. */
class PublicAddressesIT {

    @Test
    void locationAndNextPageLinksPointAtTheGateway() {
        String gateway = stack().gatewayUrl().toString().replaceAll("/$", "");
        var created = as(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Blackpool Carers Centre " + UUID.randomUUID(), "type", "VCFSE",
                        "placeCodes", List.of()))
                .when().post("/api/v1/organisations")
                .then().statusCode(201).extract();
        String location = created.header("Location");
        assertTrue(location.startsWith(gateway + "/api/v1/organisations/"), location);

        Directory.registerOrganisation("Another organisation " + UUID.randomUUID(), "OTHER");
        String link = as(admin()).queryParam("limit", 1).when().get("/api/v1/organisations")
                .then().statusCode(200).extract().header("Link");
        assertTrue(link.startsWith("<" + gateway + "/api/v1/organisations?"), link);
        as(admin()).when().get(link.substring(1 + gateway.length(), link.indexOf('>')))
                .then().statusCode(200);
    }
}
