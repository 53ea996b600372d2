package org.chorus.directory.outbox;

import static org.awaitility.Awaitility.await;
import static org.chorus.directory.DirectoryFixtures.ADMIN;
import static org.chorus.directory.DirectoryFixtures.organisation;
import static org.chorus.directory.DirectoryFixtures.postAsAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.testing.BrokerOutage;
import org.chorus.platform.testing.EventProbe;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * With the broker down, registrations still succeed and their events wait in the outbox, as its gauges show, while the
 * relay tries, and fails, to publish them; once the broker is back, each event is published exactly once.
 */
@QuarkusTest
@WithTestResource(BrokerOutage.Resource.class)
@TestProfile(WritesWhileTheBrokerIsDownTest.QuickRetries.class)
class WritesWhileTheBrokerIsDownTest {

    private static final int REGISTRATIONS = 3;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry meters;

    /** Down when the application started; set by {@link BrokerOutage.Resource}. */
    BrokerOutage broker;

    @Test
    void changesCommitWhileTheBrokerIsDownAndTheirEventsArePublishedOnceItIsBack() throws SQLException {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= REGISTRATIONS; i++) {
            ids.add(postAsAdmin("/api/v1/organisations",
                    organisation("Healthwatch Blackburn with Darwen " + i, "HEALTHWATCH", List.of()))
                    .statusCode(201).extract().path("id"));
        }
        double failedBefore = failedRounds();

        // Rounds that started after the commits read these rows (the outbox holds fewer than a batch) and failed.
        await("two failed relay rounds").atMost(Duration.ofSeconds(30))
                .until(() -> failedRounds() >= failedBefore + 2);
        assertTrue(broker.refusedConnections() > 0, "the service's clients tried to reach the broker");
        assertEquals(ids.stream().sorted().toList(), unpublished(ids).stream().sorted().toList(),
                "every event waits in the outbox, once");
        assertTrue(gauge("chorus.outbox.backlog") >= REGISTRATIONS, "operators see the events waiting");
        assertTrue(gauge("chorus.outbox.oldest.waiting.seconds") > 0, "and for how long");

        broker.end();
        await("the outbox emptied").atMost(Duration.ofSeconds(30)).until(() -> unpublished(ids).isEmpty());
        await("operators see it empty").atMost(Duration.ofSeconds(30))
                .until(() -> gauge("chorus.outbox.backlog") == 0);
        assertEquals(0, gauge("chorus.outbox.oldest.waiting.seconds"), "nothing waits, so nothing has waited");

        List<ChorusEvent> published = EventProbe.all(ChorusEventTypes.DIRECTORY_ORGANISATIONS,
                event -> ids.contains(event.aggregateId()));
        Map<String, Long> perOrganisation = published.stream()
                .collect(Collectors.groupingBy(ChorusEvent::aggregateId, Collectors.counting()));
        assertEquals(ids.stream().collect(Collectors.toMap(Function.identity(), id -> 1L)), perOrganisation,
                "each registration's event is on the topic exactly once");
        assertTrue(published.stream().allMatch(e -> e.type().equals(ChorusEventTypes.ORGANISATION_REGISTERED.type())),
                "and it announces the registration: " + published);
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private double failedRounds() {
        return meters.get("chorus.outbox.failed.rounds").counter().count();
    }

    /** The aggregates among {@code ids} with an event not yet acknowledged by the broker, one entry per event. */
    private List<String> unpublished(List<String> ids) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT aggregate_id FROM outbox_event WHERE aggregate_id = ANY(?) AND published_at IS NULL")) {
            select.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                List<String> waiting = new ArrayList<>();
                while (rs.next()) {
                    waiting.add(rs.getString(1));
                }
                return waiting;
            }
        }
    }

    /** Gives up on the broker after a second and tries again soon after, so that failed rounds come quickly. */
    public static class QuickRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chorus.events.broker-timeout", "1s", "chorus.outbox.retry-backoff", "100ms");
        }
    }
}
