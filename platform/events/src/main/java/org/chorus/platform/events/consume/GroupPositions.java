package org.chorus.platform.events.consume;

import java.time.Duration;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Positions kept by the broker for a consumer group, committed once the records of a poll are processed, but at most
 * once per commit interval: under load a loop polls many times a second, and each commit is a request the broker
 * writes to its offsets log. Records processed since the last commit are committed by the first poll after the
 * interval, with or without new records, so a quiet loop still commits within one poll timeout of its last records.
 */
final class GroupPositions implements ReadPositions {

    private final String group;
    private final long commitIntervalNanos;
    private boolean uncommitted;
    private long lastCommit;

    GroupPositions(String group, Duration commitInterval) {
        this.group = group;
        this.commitIntervalNanos = commitInterval.toNanos();
        this.lastCommit = System.nanoTime() - commitIntervalNanos;
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public void open(KafkaConsumer<String, byte[]> kafka, Set<String> topics) {
        kafka.subscribe(topics);
    }

    @Override
    public void processed(ConsumerRecord<String, byte[]> record) {
        // committed per interval, in afterPoll
    }

    /**
     * Without waiting for the broker: the next poll starts at once instead of a round trip to the group coordinator
     * later, which on a busy machine was a good part of an event's way. An offset the broker never got only means
     * those records come again after a crash or a rebalance, which an inbox makes harmless.
     */
    @Override
    public void afterPoll(KafkaConsumer<String, byte[]> kafka, boolean anyRecords) {
        uncommitted |= anyRecords;
        long now = System.nanoTime();
        if (uncommitted && now - lastCommit >= commitIntervalNanos) {
            kafka.commitAsync();
            uncommitted = false;
            lastCommit = now;
        }
    }

    /** A loop that stops on purpose leaves its group with everything it processed committed. */
    @Override
    public void stopping(KafkaConsumer<String, byte[]> kafka) {
        try {
            kafka.commitSync(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            // The broker is gone: the last polls come again to whoever reads next, and their inbox skips them.
        }
    }

    @Override
    public void check(KafkaConsumer<String, byte[]> kafka) {
        // the group coordinator notices new partitions and lost members itself
    }

    /** A member of a group never holds the whole topic, so "caught up" means nothing for it. */
    @Override
    public boolean caughtUp() {
        return true;
    }
}
