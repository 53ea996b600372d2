package org.chorus.platform.events;

/**
 * One kind of event on one topic: the pair every producer and consumer must agree on.
 *
 * @param topic the Kafka topic of the aggregate stream, e.g. {@code directory.organisations}
 * @param type the CloudEvents type, past tense and versioned, e.g. {@code chorus.directory.OrganisationRegistered.v1}
 * @param dataClass the record its JSON data maps to
 * @param <T> the data's type, so that producing an event with the wrong data does not compile
 */
public record EventType<T>(String topic, String type, Class<T> dataClass) {
}
