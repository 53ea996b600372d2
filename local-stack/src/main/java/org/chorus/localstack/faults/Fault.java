package org.chorus.localstack.faults;

import java.io.IOException;

import org.chorus.localstack.ChorusService;
import org.chorus.localstack.RunningStack;
import org.chorus.localstack.ServiceReplica;

/** What a drill does to the stack in the middle of a stream of submissions, and how it puts it right. */
public enum Fault {
    /** The broker dies (SIGKILL) and comes back: producers keep events in their outboxes meanwhile. */
    KAFKA_KILLED("Kafka killed"),
    /** The database stops cleanly and starts again: callers may be told 503 and to retry. */
    POSTGRES_RESTARTED("PostgreSQL restarted"),
    /** Every insight replica dies (SIGKILL) and starts again: reach catches up from the topic. */
    INSIGHT_KILLED("insight SIGKILL"),
    /** The last survey replica dies (SIGKILL): the others' relays and tally folders take over its work. */
    SURVEY_REPLICA_KILLED("survey replica SIGKILL");

    private final String label;

    Fault(String label) {
        this.label = label;
    }

    /** How the drill's row is named in reports. */
    public String label() {
        return label;
    }

    /** How many replicas of each of the survey and insight services the drill needs. */
    public int replicasNeeded() {
        return switch (this) {
            case KAFKA_KILLED, POSTGRES_RESTARTED, INSIGHT_KILLED -> 1;
            case SURVEY_REPLICA_KILLED -> 2;
        };
    }

    void inject(RunningStack stack) {
        switch (this) {
            case KAFKA_KILLED -> stack.killKafka();
            case POSTGRES_RESTARTED -> stack.stopPostgres();
            case INSIGHT_KILLED -> stack.killService(ChorusService.INSIGHT);
            case SURVEY_REPLICA_KILLED -> stack.killReplica(lastSurveyReplica(stack));
        }
    }

    void restore(RunningStack stack) throws IOException, InterruptedException {
        switch (this) {
            case KAFKA_KILLED -> stack.startKafka();
            case POSTGRES_RESTARTED -> stack.startPostgres();
            case INSIGHT_KILLED -> stack.startService(ChorusService.INSIGHT);
            case SURVEY_REPLICA_KILLED -> stack.startReplica(lastSurveyReplica(stack));
        }
    }

    private static ServiceReplica lastSurveyReplica(RunningStack stack) {
        var replicas = stack.replicas(ChorusService.SURVEY);
        if (replicas.size() < 2) {
            throw new IllegalStateException("Killing a survey replica needs a stack with at least two of them");
        }
        return replicas.get(replicas.size() - 1);
    }
}
