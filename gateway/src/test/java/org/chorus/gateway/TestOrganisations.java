package org.chorus.gateway;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.OrganisationData;
import org.chorus.platform.events.contract.RateLimitsData;

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
            return next(false, data.allowedOrigins(), data.rateLimits());
        }

        TestOrganisation withOrigins(String... origins) {
            return next(data.active(), List.of(origins), data.rateLimits());
        }

        /** Its next state with these limits, as the directory announces an update of them; null for the defaults. */
        TestOrganisation withRateLimits(RateLimitsData limits) {
            return next(data.active(), data.allowedOrigins(), limits);
        }

        private TestOrganisation next(boolean active, List<String> origins, RateLimitsData limits) {
            return publish(new OrganisationData(id(), data.name(), data.type(), data.odsCode(), data.placeCodes(),
                    origins, active, data.version() + 1, limits), sequence + 1);
        }
    }

    /** Registers an active organisation allowing pages of these origins, given canonically as the directory does. */
    static TestOrganisation register(String... origins) {
        return register(UUID.randomUUID(), origins);
    }

    static TestOrganisation register(UUID id, String... origins) {
        return register(id, null, origins);
    }

    /** As {@link #register(UUID, String...)}, with the organisation's own rate limits (null for the defaults). */
    static TestOrganisation register(UUID id, RateLimitsData limits, String... origins) {
        return publish(new OrganisationData(id, "Healthwatch " + id.toString().substring(0, 8), "HEALTHWATCH", null,
                List.of(), List.of(origins), true, 1, limits), 1);
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
