package org.chorus.localstack;

/**
 * One process of a service: the stack may run several of a service, each on its own port, all with the same database
 * and consumer group, as replicas behind a load balancer would run.
 *
 * @param service what it runs
 * @param number 1 for the first replica, which keeps the service's own name, port, log and pid file
 */
public record ServiceReplica(ChorusService service, int number) {

    public ServiceReplica {
        if (number < 1) {
            throw new IllegalArgumentException("Replicas are numbered from 1, not " + number);
        }
    }

    /** The first (and usually only) replica of a service. */
    public static ServiceReplica first(ChorusService service) {
        return new ServiceReplica(service, 1);
    }

    /** The name of its log and pid files and of its port in the ports file: {@code survey-service-2}. */
    public String name() {
        return number == 1 ? service.module() : service.module() + "-" + number;
    }

    @Override
    public String toString() {
        return name();
    }
}
