package org.chorus.e2e;

import java.io.IOException;
import java.nio.file.Path;

import org.chorus.localstack.ChorusService;
import org.chorus.localstack.LocalStack;
import org.chorus.localstack.RunningStack;
import org.chorus.localstack.StackSettings;
import org.chorus.localstack.ThrowawayHomes;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The whole Chorus system as separate processes on free ports, started once for all end-to-end tests of the JVM
 * and stopped when it exits. Tests reach it only through the gateway, as a caller would, and every JSON answer they
 * read is checked against the OpenAPI document ({@link DocumentedAnswers}).
 */
final class SystemUnderTest {

    private static RunningStack stack;
    /** Every answer of the shared system is read against the document; the document itself is fetched unfiltered. */
    private static final DocumentedAnswers DOCUMENTED = new DocumentedAnswers(() -> RestAssured.given()
            .baseUri(stack().gatewayUrl().toString()).queryParam("format", "json").get("/q/openapi").asString());

    private SystemUnderTest() {
    }

    static synchronized RunningStack stack() {
        if (stack == null) {
            try {
                Path home = ThrowawayHomes.create("chorus-e2e-");
                // Shorter waits than in production, which tests would only wait out: webhook retries as the
                // directory's own tests have them, and a settle horizon short but not zero, so that exports still
                // leave the latest moment out.
                stack = LocalStack.start(StackSettings.forTests(home)
                        .withEnv(ChorusService.DIRECTORY, "CHORUS_WEBHOOKS_FIRST_RETRY", "200ms")
                        .withEnv(ChorusService.DIRECTORY, "CHORUS_WEBHOOKS_POLL_INTERVAL", "100ms")
                        .withEnv(ChorusService.SURVEY, "CHORUS_SURVEY_EXPORT_SETTLE", "1s"));
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "chorus-e2e-stop"));
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the system", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the system", e);
            }
        }
        return stack;
    }

    /** A request to the gateway with the given API key. */
    static RequestSpecification as(String apiKey) {
        return anonymous().header("Authorization", "Bearer " + apiKey);
    }

    /** A request to the gateway with no key at all. */
    static RequestSpecification anonymous() {
        return RestAssured.given().baseUri(stack().gatewayUrl().toString()).filter(DOCUMENTED);
    }

    static String admin() {
        return stack().bootstrapAdminKey();
    }
}
