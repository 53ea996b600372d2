package org.chorus.localstack.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.chorus.localstack.RunningStack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The organisation whose engagement team the drills act as: its secret key builds and answers surveys
 * (surveys:manage), reads their results (exports:read) and reads reach (insights:read), like the partnership's
 * engagement team entering phone and paper responses.
 *
 * @param organisationId the organisation registered for the drills
 * @param staff the gateway, called with the team's key
 */
public record DrillTenant(String organisationId, GatewayCaller staff) {

    private static final List<String> SCOPES = List.of("surveys:manage", "exports:read", "insights:read");

    /** Registers the organisation and its key with the bootstrap administrator's key; returns once the gateway knows it. */
    public static DrillTenant register(RunningStack stack) {
        GatewayCaller admin = new GatewayCaller(stack.gatewayUrl(), stack.bootstrapAdminKey());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        JsonNode organisation = GatewayCaller.expect(admin.post("/api/v1/organisations", GatewayCaller.JSON.valueToTree(
                Map.of("name", "Engagement team fault drills " + suffix, "type", "ICB", "placeCodes", List.of(),
                        "allowedOrigins", List.of())), UUID.randomUUID().toString()), 201);
        String organisationId = organisation.path("id").asText();
        JsonNode issued = GatewayCaller.expect(admin.post("/api/v1/organisations/" + organisationId + "/api-keys",
                GatewayCaller.JSON.valueToTree(Map.of("name", "Fault drills", "kind", "SECRET", "scopes", SCOPES)),
                null), 201);
        GatewayCaller staff = admin.as(issued.path("secret").asText());
        // The gateway learns of the key from its event.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> staff.get("/api/v1/organisations/" + organisationId).statusCode() == 200);
        return new DrillTenant(organisationId, staff);
    }
}
