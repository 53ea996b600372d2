package org.chorus.gateway;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.OrganisationData;

/** Publishes organisation events to the real test broker as the directory would, and keys that belong to them. */
final class TestOrganisations {

    private TestOrganisations() {
    }

    /** An organisation and the state it was last published with. */
    record TestOrganisation(OrganisationData data, long sequence) {

        UUID id() {
            return data.organisationId();
        }

        /** A publishable key of this organisation, published. */
        TestKeyEvents.TestKey publishableKey() {
            TestKeyEvents.TestKey key = TestKeyEvents.newKey("publishable", (Instant) null, "surveys:respond").of(id());
            TestKeyEvents.publish(key, 1);
            return key;
        }

        /** A secret key of this organisation, published. */
        TestKeyEvents.TestKey secretKey(String... scopes) {
            TestKeyEvents.TestKey key = TestKeyEvents.newKey(scopes).of(id());
            TestKeyEvents.publish(key, 1);
            return key;
        }

        TestOrganisation deactivated() {
            return publish(new OrganisationData(id(), data.name(), data.type(), data.odsCode(), data.placeCodes(),
                    data.allowedOrigins(), false, data.version() + 1, data.rateLimits()), sequence + 1);
        }

        TestOrganisation withOrigins(String... origins) {
            return publish(new OrganisationData(id(), data.name(), data.type(), data.odsCode(), data.placeCodes(),
                    List.of(origins), data.active(), data.version() + 1, data.rateLimits()), sequence + 1);
        }
    }

    /** Registers an active organisation allowing pages of these origins, given canonically as the directory does. */
    static TestOrganisation register(String... origins) {
        return register(UUID.randomUUID(), origins);
    }

    static TestOrganisation register(UUID id, String... origins) {
        return publish(new OrganisationData(id, "Healthwatch " + id.toString().substring(0, 8), "HEALTHWATCH", null,
                List.of(), List.of(origins), true, 1, null), 1);
    }

    private static TestOrganisation publish(OrganisationData data, long sequence) {
        TestKeyEvents.publish(data.active() ? ChorusEventTypes.ORGANISATION_UPDATED : ChorusEventTypes.ORGANISATION_DEACTIVATED,
                data.organisationId(), sequence, data);
        return new TestOrganisation(data, sequence);
    }

    /** A web origin no test organisation allows, so each test's origins are its own. */
    static String uniqueOrigin() {
        return "https://" + UUID.randomUUID().toString().substring(0, 8) + ".partner.example";
    }
}
