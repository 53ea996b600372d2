package org.chorus.platform.events.consume;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.chorus.platform.background.DaemonLoop;
import org.chorus.platform.events.KafkaClients;
import org.chorus.platform.events.TopicProvisioner;
import org.jboss.logging.Logger;

/**
 * The one loop that reads Chorus topics, for the inbox consumers of the services and the gateway's replicas alike: a
 * daemon thread that owns its Kafka consumer, hands each poll's records to a processor in order, and when anything fails
 * (the broker gone, the database gone) drops the consumer, waits, and starts again from the last record it finished,
 * logging once when it starts failing and once when it recovers.
 */
public final class EventLoop {

    private static final Logger LOG = Logger.getLogger(EventLoop.class);

    /** What is done with each record. Throwing stops the loop's consumer; the same record comes again after a pause. */
    @FunctionalInterface
    public interface RecordProcessor {
        void process(ConsumerRecord<String, byte[]> record);
    }

    /**
     * What is done with one poll's records, in their order, so that a consumer may apply them in one transaction.
     * Throwing stops the loop's consumer; the poll's records come again after a pause.
     */
    @FunctionalInterface
    public interface PollProcessor {
        void process(List<ConsumerRecord<String, byte[]>> records);
    }

    private final String name;
    private final Set<String> topics;
    private final ReadPositions positions;
    private final PollProcessor processor;
    private final KafkaClients clients;
    private final TopicProvisioner provisioner;
    private final LoopTimings timings;
    private final DaemonLoop daemon;
    private volatile KafkaConsumer<String, byte[]> consumer;

    private EventLoop(String name, Set<String> topics, ReadPositions positions, PollProcessor processor,
            KafkaClients clients, TopicProvisioner provisioner, LoopTimings timings) {
        this.name = name;
        this.topics = Set.copyOf(topics);
        this.positions = positions;
        this.processor = processor;
        this.clients = clients;
        this.provisioner = provisioner;
        this.timings = timings;
        this.daemon = new DaemonLoop(name);
    }

    /**
     * A loop in a consumer group: each record is handled by one member of the group, and offsets are committed after
     * the records of a poll are processed (without waiting for the broker), at most once per poll timeout, so a crash
     * redelivers at most the last poll timeout's records, which an inbox makes harmless; a loop stopped on purpose
     * commits all it processed.
     */
    public static EventLoop inGroup(String name, String group, Set<String> topics, PollProcessor processor,
            KafkaClients clients, TopicProvisioner provisioner, LoopTimings timings) {
        return new EventLoop(name, topics, new GroupPositions(group, timings.pollTimeout()), processor, clients,
                provisioner, timings);
    }

    /**
     * A loop that reads every partition of its topics from the beginning, with no group, for a replica every instance
     * needs whole; it remembers where it got to, so a reconnect does not read everything again.
     */
    public static EventLoop wholeTopics(String name, Set<String> topics, RecordProcessor processor,
            KafkaClients clients, TopicProvisioner provisioner, LoopTimings timings) {
        return new EventLoop(name, topics, new WholeTopicPositions(timings), records -> records.forEach(processor::process),
                clients, provisioner, timings);
    }

    public void start() {
        daemon.start(this::run);
    }

    /** Ends the loop after the record in hand, waiting up to ten seconds. */
    public void stop() throws InterruptedException {
        daemon.stop(() -> {
            KafkaConsumer<String, byte[]> current = consumer;
            if (current != null) {
                // wakeup() ends a blocking poll cleanly; interrupting could break an offset commit half way.
                current.wakeup();
            }
        });
    }

    /** For a loop reading whole topics: whether every record that existed when it started has been processed. */
    public boolean caughtUp() {
        return positions.caughtUp();
    }

    private void run() {
        while (daemon.running()) {
            try (KafkaConsumer<String, byte[]> created = clients.consumer(name, positions.group())) {
                consumer = created;
                provisioner.ensure(topics);
                positions.open(created, topics);
                consume(created);
            } catch (WakeupException | InterruptException e) {
                daemon.end();
            } catch (RuntimeException e) {
                failed(e);
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    private void consume(KafkaConsumer<String, byte[]> kafka) {
        try {
            poll(kafka);
        } catch (WakeupException e) {
            positions.stopping(kafka);
            throw e;
        }
    }

    private void poll(KafkaConsumer<String, byte[]> kafka) {
        long nextCheck = System.nanoTime() + timings.checkInterval().toNanos();
        while (daemon.running()) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            kafka.poll(timings.pollTimeout()).forEach(records::add);
            if (!records.isEmpty()) {
                processor.process(records);
                records.forEach(positions::processed);
            }
            positions.afterPoll(kafka, !records.isEmpty());
            if (System.nanoTime() - nextCheck >= 0) {
                positions.check(kafka);
                nextCheck = System.nanoTime() + timings.checkInterval().toNanos();
            }
            recovered();
        }
    }

    private void failed(RuntimeException e) {
        if (daemon.startsFailing()) {
            LOG.warnf("%s cannot read events (%s); retrying every %s", name, e.getMessage(), timings.retryBackoff());
        } else {
            LOG.debugf("%s still cannot read events: %s", name, e.getMessage());
        }
    }

    private void recovered() {
        if (daemon.recovers()) {
            LOG.infof("%s reads events again", name);
        }
    }

    private void pause() {
        try {
            Thread.sleep(timings.retryBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            daemon.end();
        }
    }
}
