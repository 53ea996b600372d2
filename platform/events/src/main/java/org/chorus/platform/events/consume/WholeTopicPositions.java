package org.chorus.platform.events.consume;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Every partition of the topics, from the beginning, with positions kept in memory across reconnects. "Caught up"
 * once every record that existed at the first connection is processed.
 */
final class WholeTopicPositions implements ReadPositions {

    private final LoopTimings timings;
    // Touched only by the loop's thread.
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private Set<String> topics = Set.of();
    private Map<TopicPartition, Long> catchUpTarget;
    private volatile boolean caughtUp;

    WholeTopicPositions(LoopTimings timings) {
        this.timings = timings;
    }

    @Override
    public String group() {
        return null;
    }

    @Override
    public void open(KafkaConsumer<String, byte[]> kafka, Set<String> topics) {
        this.topics = topics;
        assign(kafka);
        if (catchUpTarget == null) {
            catchUpTarget = kafka.endOffsets(kafka.assignment(), timings.brokerTimeout());
        }
    }

    private void assign(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = topics.stream()
                .flatMap(topic -> kafka.partitionsFor(topic, timings.brokerTimeout()).stream()
                        .map(p -> new TopicPartition(topic, p.partition())))
                .toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topics " + topics + " have no partitions yet");
        }
        kafka.assign(partitions);
        for (TopicPartition partition : partitions) {
            Long position = next.get(partition);
            if (position == null) {
                kafka.seekToBeginning(List.of(partition));
            } else {
                kafka.seek(partition, position);
            }
        }
    }

    @Override
    public void processed(ConsumerRecord<String, byte[]> record) {
        next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
    }

    @Override
    public void afterPoll(KafkaConsumer<String, byte[]> kafka, boolean anyRecords) {
        if (caughtUp) {
            return;
        }
        for (var target : catchUpTarget.entrySet()) {
            if (kafka.position(target.getKey(), timings.brokerTimeout()) < target.getValue()) {
                return;
            }
        }
        caughtUp = true;
    }

    @Override
    public void stopping(KafkaConsumer<String, byte[]> kafka) {
        // nothing kept at the broker: a new reader starts from the beginning anyway
    }

    /**
     * The consumer retries a lost broker quietly and forever; asking for end offsets is what tells us it is gone (a
     * timeout fails the loop, which says so once), and it also lets the loop see partitions added since it started.
     */
    @Override
    public void check(KafkaConsumer<String, byte[]> kafka) {
        kafka.endOffsets(kafka.assignment(), timings.brokerTimeout());
        int partitions = topics.stream().mapToInt(t -> kafka.partitionsFor(t, timings.brokerTimeout()).size()).sum();
        if (partitions != kafka.assignment().size()) {
            assign(kafka);
        }
    }

    @Override
    public boolean caughtUp() {
        return caughtUp;
    }
}
