package org.chorus.gateway.events;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.gateway.GatewayConfig;
import org.chorus.platform.events.EventsConfig;
import org.chorus.platform.events.KafkaClients;
import org.chorus.platform.events.TopicProvisioner;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Gathers what every directory topic reader needs, so that each cache declares its reader without repeating it. */
@ApplicationScoped
public class DirectoryReaders {

    private final TopicReplicaReader.Dependencies dependencies;

    public DirectoryReaders(KafkaClients clients, TopicProvisioner topics, GatewayConfig config, EventsConfig events,
            ObjectMapper mapper) {
        this.dependencies = new TopicReplicaReader.Dependencies(clients, topics, config.keys(), events.brokerTimeout(),
                mapper);
    }

    public <T> TopicReplicaReader<T> reader(String topic, String what, Class<T> dataClass,
            Function<T, Object> id, TopicReplicaReader.Sink<T> sink) {
        return new TopicReplicaReader<>(topic, what, dataClass, id, sink, dependencies);
    }
}
