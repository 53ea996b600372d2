package org.chorus.e2e;

import static org.chorus.e2e.SystemUnderTest.anonymous;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

/** The gateway's one OpenAPI document holds the services' operations. */
class MergedOpenApiIT {

    @Test
    void listsTheDirectoryOperations() {
        anonymous().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/organisations"))
                .body("paths", hasKey("/api/v1/organisations/{id}"))
                .body("paths", hasKey("/api/v1/organisations/{organisationId}/api-keys"))
                .body("paths", hasKey("/api/v1/api-keys/{keyId}/revoke"))
                .body("paths", hasKey("/api/v1/places"))
                .body("paths.'/api/v1/organisations'.post.summary", notNullValue())
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", hasKey("Organisation"));
    }

    @Test
    void keepsTheProblemsEachServiceDerivesFromItsOperations() {
        String edit = "paths.'/api/v1/surveys/{id}'.put.responses";
        anonymous().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(edit + ".'403'.description", containsString("the survey belongs to another organisation"))
                .body(edit + ".'404'.content", hasKey("application/problem+json"))
                .body(edit + ".'412'.content", hasKey("application/problem+json"))
                .body(edit + ".'422'.content", hasKey("application/problem+json"))
                .body("paths.'/api/v1/organisations/{id}'.put.responses.'403'.description", not(containsString("not-owner")))
                .body("paths.'/api/v1/places/{code}'.get.responses", hasKey("404"))
                .body("paths.'/api/v1/places/{code}'.get.responses", not(hasKey("422")));
        anonymous().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
