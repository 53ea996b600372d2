package org.chorus.localstack.faults;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one drill counted, from the callers' answers to each place a response must reach exactly once.
 *
 * @param name the drill, e.g. "Kafka killed"
 * @param submitted distinct submissions made (each with its own Idempotency-Key, however often retried)
 * @param acknowledged distinct response ids answered 201
 * @param reads reads made besides the submissions, each of which must be answered 200
 * @param unavailable answers 503 problem+json with Retry-After, which a caller retries
 * @param serverErrors every 5xx answer, 503 included
 * @param otherAnswers every answer but 201, 200 and a proper 503, by status or by what went wrong: must be empty
 * @param inDatabase the survey's rows in the survey database
 * @param missingFromDatabase acknowledged responses without a row
 * @param unacknowledgedInDatabase rows no caller was given: a retry stored twice
 * @param delivered the survey's responses insight holds, which reach counts
 * @param missingFromInsight acknowledged responses insight never heard of
 * @param unacknowledgedInInsight responses insight holds that no caller was given
 * @param reachCounted how much reach's survey response count grew over the drill
 * @param tallied responses the survey's results count
 * @param notYetCounted what the results said they did not count yet
 * @param catchUp from the last answer until reach and the results counted every acknowledged response; empty when
 *     they never did within the drill's limit
 */
public record DrillResult(String name, int submitted, int acknowledged, long reads, long unavailable,
        long serverErrors, Map<String, Long> otherAnswers, int inDatabase, int missingFromDatabase,
        int unacknowledgedInDatabase, int delivered, int missingFromInsight, int unacknowledgedInInsight,
        long reachCounted, long tallied, long notYetCounted, Optional<Duration> catchUp) {

    public DrillResult {
        otherAnswers = Map.copyOf(otherAnswers);
    }

    /** Effects beyond one per acknowledged response: rows, insight copies, reach counts and tallies. */
    public long duplicatesInEffect() {
        return unacknowledgedInDatabase + unacknowledgedInInsight + Math.max(0, reachCounted - delivered)
                + Math.max(0, tallied - inDatabase);
    }

    /** Acknowledged responses that did not reach the database, insight or reach. */
    public long lost() {
        return missingFromDatabase + missingFromInsight + Math.max(0, acknowledged - reachCounted);
    }
}
