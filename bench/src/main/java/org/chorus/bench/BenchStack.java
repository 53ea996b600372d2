package org.chorus.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.chorus.localstack.ChorusService;
import org.chorus.localstack.DemoData;
import org.chorus.localstack.LocalStack;
import org.chorus.localstack.RunningStack;
import org.chorus.localstack.StackSettings;
import org.chorus.localstack.SurveyDemoData;
import org.chorus.localstack.ThrowawayHomes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.jwt.util.KeyUtils;

/**
 * A whole durable stack on free ports for the gateway benchmarks: the seed survey open as after `./chorus demo`, and
 * an organisation of the benchmark's own with a website key and an analyst key, as a partner would have.
 */
final class BenchStack implements AutoCloseable {

    /** The bench organisation's website, the only page its publishable key works from. */
    static final String ORIGIN = "https://gateway-bench.example";
    /** High enough that the benchmark measures throughput, not the limiter; the limiter still runs. */
    private static final String UNLIMITED = "1000000/1s";
    private static final List<String> LIMITS = List.of("SUBMISSIONS_PER_KEY", "SUBMISSIONS_PER_ADDRESS",
            "READS_PER_KEY", "READS_PER_ADDRESS");

    /** An API key as the directory issued it. */
    record ApiKey(UUID id, String secret) {

        String bearer() {
            return "Bearer " + secret;
        }
    }

    private final RunningStack stack;
    private final BenchClient gateway;
    private boolean discardHome;
    private UUID organisationId;
    private ApiKey website;
    private ApiKey analyst;
    private String surveyId;
    private JsonNode definition;

    private BenchStack(RunningStack stack) throws IOException, GeneralSecurityException {
        this.stack = stack;
        this.gateway = new BenchClient(stack.gatewayUrl(), stack.managementUrl(ChorusService.GATEWAY),
                KeyUtils.decodePrivateKey(Files.readString(stack.internalTokenPrivateKey())));
    }

    /** Starts the stack in a new temporary home; on failure whatever was started is stopped again. */
    static BenchStack start() throws Exception {
        Path home = ThrowawayHomes.create("chorus-gateway-bench-");
        System.out.println("stack home (data, keys, logs): " + home);
        StackSettings settings = StackSettings.forBenches(home);
        for (String limit : LIMITS) {
            settings = settings.withEnv(ChorusService.GATEWAY, "CHORUS_GATEWAY_RATE_LIMITS_DEFAULT_" + limit, UNLIMITED);
        }
        RunningStack stack = LocalStack.start(settings);
        try {
            BenchStack bench = new BenchStack(stack);
            bench.prepare();
            return bench;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void prepare() throws Exception {
        URI url = stack.gatewayUrl();
        String admin = stack.bootstrapAdminKey();
        if (!DemoData.load(url, admin) || !SurveyDemoData.load(url, admin)) {
            throw new IllegalStateException("The demo directory or the seed survey did not load; see the lines above");
        }
        String adminBearer = "Bearer " + admin;
        ObjectNode organisation = BenchClient.JSON.createObjectNode().put("name", "Gateway benchmark")
                .put("type", "VCFSE").put("website", ORIGIN);
        organisation.putArray("placeCodes");
        organisation.putArray("allowedOrigins").add(ORIGIN);
        organisationId = UUID.fromString(BenchClient.JSON.readTree(gateway.send(
                gateway.post("/api/v1/organisations", adminBearer, organisation)).body()).path("id").asText());
        website = issue(adminBearer, "PUBLISHABLE", "public");
        analyst = issue(adminBearer, "SECRET", "exports:read");
        surveyId = awaitOpenSurvey();
        definition = BenchClient.JSON.readTree(gateway.send(websiteGet("/api/v1/surveys/" + surveyId)).body())
                .path("definition");
        awaitAccepted(gateway.get("/api/v1/surveys/" + surveyId, analyst.bearer()));
    }

    /** A secret key of the bench organisation with these scopes, once {@code path} answers it with 200. */
    ApiKey issueSecret(String path, String... scopes) throws Exception {
        ApiKey key = issue("Bearer " + stack.bootstrapAdminKey(), "SECRET", scopes);
        awaitAccepted(gateway.get(path, key.bearer()));
        return key;
    }

    private ApiKey issue(String adminBearer, String kind, String... scopes) throws Exception {
        ObjectNode body = BenchClient.JSON.createObjectNode().put("name", "gateway bench " + String.join(" ", scopes))
                .put("kind", kind);
        var list = body.putArray("scopes");
        for (String scope : scopes) {
            list.add(scope);
        }
        JsonNode issued = BenchClient.JSON.readTree(gateway.send(gateway.post(
                "/api/v1/organisations/" + organisationId + "/api-keys", adminBearer, body)).body());
        return new ApiKey(UUID.fromString(issued.path("key").path("id").asText()), issued.path("secret").asText());
    }

    /**
     * The gateway learns new keys and organisations from events, so the website key works a moment after it was
     * issued; the seed survey is then the only open one.
     */
    private String awaitOpenSurvey() throws Exception {
        JsonNode open = BenchClient.JSON.readTree(awaitAccepted(websiteGet("/api/v1/surveys?limit=10"))).path("items");
        if (open.size() != 1) {
            throw new IllegalStateException("Expected the seed survey alone to be open, found " + open.size());
        }
        return open.get(0).path("id").asText();
    }

    private String awaitAccepted(HttpRequest request) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var response = gateway.exchange(request);
            if (response.statusCode() == 200) {
                return response.body();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(request.uri() + " still answers " + response.statusCode() + ": "
                        + response.body());
            }
            Thread.sleep(200);
        }
    }

    private HttpRequest websiteGet(String path) {
        return gateway.request(path, website.bearer()).header("Origin", ORIGIN).GET().build();
    }

    RunningStack stack() {
        return stack;
    }

    BenchClient gateway() {
        return gateway;
    }

    /** A client of the survey service itself, past the gateway, with tokens signed by the stack's key. */
    BenchClient surveyServiceDirectly() {
        return new BenchClient(stack.serviceUrl(ChorusService.SURVEY), stack.managementUrl(ChorusService.SURVEY),
                gateway.signingKey());
    }

    UUID organisationId() {
        return organisationId;
    }

    ApiKey website() {
        return website;
    }

    ApiKey analyst() {
        return analyst;
    }

    String surveyId() {
        return surveyId;
    }

    JsonNode definition() {
        return definition;
    }

    /** After a run that went well nothing in the home is worth its disk space; after a failure its logs are. */
    void discardHomeOnClose() {
        discardHome = true;
    }

    @Override
    public void close() throws IOException {
        stack.close();
        if (discardHome) {
            ThrowawayHomes.discard(stack.settings().home());
        }
    }
}
