package org.chorus.platform.events.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.chorus.platform.events.ChorusEvent;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventEnvelope;
import org.chorus.platform.events.EventType;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A poll delivered together must have the effect of delivering its events one by one, in order. */
class EventRoutingTest {

    record Note(String text) {
    }

    private static final String TOPIC = "routing.notes";
    private final ObjectMapper mapper = new ObjectMapper();
    private final EventType<Note> written = new EventType<>(TOPIC, "chorus.test.NoteWritten.v1", Note.class);
    private final EventType<Note> struck = new EventType<>(TOPIC, "chorus.test.NoteStruck.v1", Note.class);

    /** Remembers each call it gets, so a test sees both the order and how the events were grouped. */
    private static final class Recorder implements EventReceiver<Note> {
        private final String name;
        private final List<String> log;

        Recorder(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public void receive(Note data, ChorusEvent event) {
            log.add(name + ":" + data.text());
        }

        @Override
        public void receiveAll(List<Received<Note>> events) {
            log.add(name + ":" + String.join("+", events.stream().map(r -> r.data().text()).toList()));
        }
    }

    @Test
    void runsForOneReceiverGoTogetherAndAnotherReceiversEventKeepsItsPlace() throws Exception {
        List<String> log = new ArrayList<>();
        Recorder notes = new Recorder("notes", log);
        Recorder strikes = new Recorder("strikes", log);
        EventRouting routing = new EventRouting(mapper, () -> { }).on(written, notes).on(struck, strikes);

        routing.deliverTogether(List.of(routed(routing, struck, "a"), routed(routing, written, "b"),
                routed(routing, written, "c"), routed(routing, struck, "c"), routed(routing, written, "d"),
                routed(routing, written, "e")));

        assertEquals(List.of("strikes:a", "notes:b+c", "strikes:c", "notes:d+e"), log,
                "c is struck after it was written and before d, as one-by-one delivery would have it");
    }

    @Test
    void anEventForTwoReceiversReachesBothBeforeTheNextEvent() throws Exception {
        List<String> log = new ArrayList<>();
        EventRouting routing = new EventRouting(mapper, () -> { }).on(written, new Recorder("first", log))
                .on(written, new Recorder("second", log));

        routing.deliverTogether(List.of(routed(routing, written, "x"), routed(routing, written, "y")));

        assertEquals(List.of("first:x", "second:x", "first:y", "second:y"), log);
    }

    /**
     * A survey service reads deactivations on directory.organisations and skips its registrations: a type of the
     * catalogue, meant for another service, is skipped and counted without a warning in the log; a type the catalogue
     * does not know is worth one, once.
     */
    @Test
    void onlyATypeTheCatalogueDoesNotKnowIsWarnedAbout() throws Exception {
        AtomicInteger skipped = new AtomicInteger();
        EventRouting routing = new EventRouting(mapper, skipped::incrementAndGet).on(written, (note, event) -> { });
        EventType<Note> registered = new EventType<>(TOPIC, ChorusEventTypes.ORGANISATION_REGISTERED.type(),
                Note.class);
        EventType<Note> newer = new EventType<>(TOPIC, "chorus.test.NoteArchived.v2", Note.class);
        List<LogRecord> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(EventRouting.class.getName());
        logger.addHandler(capture);
        try {
            for (EventType<Note> type : List.of(registered, registered, newer, newer)) {
                assertTrue(routed(routing, type, "skipped").skipped());
            }
        } finally {
            logger.removeHandler(capture);
        }

        assertEquals(4, skipped.get(), "every skipped event is counted");
        assertEquals(1, warnings.size(), "one warning, for the unknown type: " + warnings);
        assertTrue(warnings.get(0).getMessage().contains("chorus.test.NoteArchived.v2"), warnings.get(0).getMessage());
    }

    private EventRouting.Routed routed(EventRouting routing, EventType<Note> type, String text) throws Exception {
        ChorusEvent event = new ChorusEvent(UUID.randomUUID().toString(), type.type(), "/chorus/test",
                OffsetDateTime.now(), text, 1, null,
                mapper.writeValueAsString(new Note(text)).getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> produced = EventEnvelope.toRecord(TOPIC, event);
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(TOPIC, 0, 0L, produced.key(), produced.value());
        produced.headers().forEach(consumed.headers()::add);
        return routing.route(consumed);
    }
}
