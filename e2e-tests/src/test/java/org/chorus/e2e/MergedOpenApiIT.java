package org.chorus.e2e;

import static org.chorus.e2e.SystemUnderTest.anonymous;
import static org.hamcrest.Matchers.hasKey;
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
        anonymous().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
