package org.chorus.platform.testing;

import java.net.URI;
import java.util.Arrays;

import io.quarkus.arc.Arc;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import io.restassured.RestAssured;

/**
 * Where the application under test serves health and metrics: its management interface, on a port of its own that
 * the operating system chose (quarkus.management.test-port=0), never the API port RestAssured calls by default.
 */
public final class ManagementPort {

    private ManagementPort() {
    }

    /** The management interface's address for a path, e.g. {@code /q/metrics}. */
    public static String url(String path) {
        return URI.create("http://127.0.0.1:" + port()).resolve(path).toString();
    }

    /**
     * A meter's value as {@code /q/metrics} shows it: the sum over its series that carry every label given (written
     * {@code topic="..."}), so 0 before a counter is first counted or when no series carries them.
     */
    public static double metric(String name, String... labels) {
        return RestAssured.given().get(url("/q/metrics")).then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The port the management interface listens on, once the application has started. */
    public static int port() {
        ValueRegistry registry = Arc.container().select(ValueRegistry.class).get();
        return registry.get(HttpServer.MANAGEMENT_TEST_PORT);
    }
}
