package org.chorus.platform.events.consume;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Positions kept by the broker for a consumer group, committed once a poll's records are processed. */
record GroupPositions(String group) implements ReadPositions {

    @Override
    public void open(KafkaConsumer<String, byte[]> kafka, Set<String> topics) {
        kafka.subscribe(topics);
    }

    @Override
    public void processed(ConsumerRecord<String, byte[]> record) {
        // committed per poll, in afterPoll
    }

    @Override
    public void afterPoll(KafkaConsumer<String, byte[]> kafka, boolean anyRecords) {
        if (anyRecords) {
            kafka.commitSync();
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
