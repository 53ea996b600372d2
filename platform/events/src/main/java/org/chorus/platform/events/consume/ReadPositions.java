package org.chorus.platform.events.consume;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Where an {@link EventLoop} reads from and how it remembers what it has processed. */
sealed interface ReadPositions permits GroupPositions, WholeTopicPositions {

    /** The consumer group, or null for a loop that assigns partitions itself. */
    String group();

    /** Points a new consumer at the topics. */
    void open(KafkaConsumer<String, byte[]> kafka, Set<String> topics);

    /** One record is processed. */
    void processed(ConsumerRecord<String, byte[]> record);

    /** A poll's records are processed. */
    void afterPoll(KafkaConsumer<String, byte[]> kafka, boolean anyRecords);

    /** The loop is stopping on purpose and its consumer is still open. */
    void stopping(KafkaConsumer<String, byte[]> kafka);

    /** Called every check interval: a chance to notice an outage or new partitions. */
    void check(KafkaConsumer<String, byte[]> kafka);

    boolean caughtUp();
}
