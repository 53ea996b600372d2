package org.chorus.survey.coding.frame;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.chorus.platform.testing.TestCallers;
import org.chorus.platform.web.caller.Scopes;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A framework file present at start is offered to every organisation, once. The file is one of our own making, in
 * the shape the loader reads: NHS England's is not on this machine, and its contents are not invented here.
 */
@QuarkusTest
@TestProfile(FrameworkAtFirstStartTest.WithAFrameworkFile.class)
@WithTestResource(ChorusTestInfrastructure.class)
class FrameworkAtFirstStartTest {

    /** Fixed, not random: the profile and the test are loaded by different class loaders. */
    private static final String NAME = "Test framework (FrameworkAtFirstStartTest)";

    @Inject
    FrameService frames;

    @Test
    void theFrameworkIsOfferedToEveryOrganisationAndOnlyOnce() {
        String anyCoder = TestCallers.bearer(UUID.randomUUID(), Scopes.CODING_WRITE);
        List<Map<String, Object>> offered = given().header("Authorization", anyCoder).queryParam("limit", 500)
                .when().get("/api/v1/coding-frames").then().statusCode(200).extract()
                .path("items.findAll { it.name == '" + NAME + "' }");
        assertEquals(1, offered.size(), "offered once");
        given().header("Authorization", anyCoder).when().get("/api/v1/coding-frames/{id}", offered.get(0).get("id"))
                .then().statusCode(200).body("organisationId", nullValue()).body("version", equalTo(1))
                .body("categories.code", equalTo(List.of("access", "staff")))
                .body("categories[0].minors.code", equalTo(List.of("access-waiting-times", "access-parking")))
                .body("categories[0].minors[0].insightTheme", equalTo("access-to-care"));
        assertFalse(frames.offerToAll(NAME, new FrameInput(null, List.of(new MajorCategory("other", "Other", null,
                null)))), "a later start finds it by name and adds nothing");
    }

    /** Points the loader at a CSV written before the service starts. */
    public static class WithAFrameworkFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path file = Files.createTempFile("framework", ".csv");
                // the profile is asked for its overrides more than once, and each file outlives the test otherwise
                file.toFile().deleteOnExit();
                Files.writeString(file, """
                        Major category,Sub-category,Insight theme
                        Access,Waiting times,access-to-care
                        Access,Parking,
                        Staff,,
                        """);
                return Map.of("chorus.survey.coding.framework.file", file.toString(),
                        "chorus.survey.coding.framework.name", NAME);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
