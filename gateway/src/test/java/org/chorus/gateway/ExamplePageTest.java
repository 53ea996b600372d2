package org.chorus.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chorus.platform.testing.ChorusTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The example survey page under /examples/: served to anyone without a key, under a policy that lets it run only its
 * own files, none of them inline. The page itself is driven in a browser by the e2e tests (ExamplePageIT).
 */
@QuarkusTest
@WithTestResource(ChorusTestInfrastructure.class)
@WithTestResource(StubServices.class)
class ExamplePageTest {

    static final String EXAMPLES_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final Pattern SOURCES = Pattern.compile("(?:src|href)=\"([^\"]+)\"");
    private static final Pattern IMPORTS = Pattern.compile("from '(\\./[^']+)'");

    @BeforeEach
    void ready() {
        GatewayTestSupport.awaitReady();
    }

    @Test
    void thePageIsServedWithoutAKeyUnderAPolicyForItsOwnFilesOnly() {
        Response page = given().get("/examples/");
        page.then().statusCode(200).contentType(startsWith("text/html"));
        SecurityHeadersTest.assertBrowserHeaders(page, EXAMPLES_CSP);
        String html = page.asString();
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).find(), "no inline script: " + html);
        assertFalse(html.contains("<style") || html.contains(" style="), "no inline style: " + html);
    }

    @Test
    void everyFileThePageLoadsIsThereAsScriptOrStyleUnderTheSamePolicy() {
        Deque<String> toLoad = new ArrayDeque<>();
        Matcher sources = SOURCES.matcher(given().get("/examples/").asString());
        while (sources.find()) {
            assertFalse(sources.group(1).contains(":") || sources.group(1).startsWith("/"),
                    "a file of its own, beside it: " + sources.group(1));
            toLoad.add(sources.group(1));
        }
        Set<String> loaded = new LinkedHashSet<>();
        while (!toLoad.isEmpty()) {
            String file = toLoad.pop();
            if (!loaded.add(file)) {
                continue;
            }
            Response served = given().get("/examples/" + file);
            served.then().statusCode(200)
                    .contentType(containsString(file.endsWith(".css") ? "text/css" : "javascript"));
            SecurityHeadersTest.assertBrowserHeaders(served, EXAMPLES_CSP);
            Matcher imports = IMPORTS.matcher(served.asString());
            while (imports.find()) {
                toLoad.add(imports.group(1).substring(2));
            }
        }
        assertTrue(loaded.containsAll(Set.of("survey.css", "survey.js", "chorus-api.js", "questions.js", "ranking.js")),
                "the page and its modules: " + loaded);
    }

    @Test
    void theFolderWithoutItsSlashLeadsToThePageKeepingItsSettings() {
        given().redirects().follow(false).get("/examples?key=chorus_pk_x&survey=42")
                .then().statusCode(301).header("Location", equalTo("/examples/?key=chorus_pk_x&survey=42"));
    }
}
