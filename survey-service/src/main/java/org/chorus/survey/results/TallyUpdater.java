package org.chorus.survey.results;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.survey.response.ResponseCounted;

/**
 * Keeps the counters in step with responses from inside the transaction that stores or erases each one. A new
 * response only joins the backlog (one small row, so ingest stays cheap); an erasure takes the response out of the
 * backlog if it was still waiting there, and out of the counters otherwise.
 */
@ApplicationScoped
class TallyUpdater {

    private final TallyBacklog backlog;
    private final TallyStore tallies;

    TallyUpdater(TallyBacklog backlog, TallyStore tallies) {
        this.backlog = backlog;
        this.tallies = tallies;
    }

    void onResponse(@Observes ResponseCounted counted) {
        if (counted.delta() > 0) {
            backlog.add(counted.response().id(), counted.survey().surveyId());
        } else if (!backlog.remove(counted.response().id())) {
            Map<TallyKey, Long> deltas = new HashMap<>();
            TallyKeys.of(counted.survey(), counted.response()).forEach(key -> deltas.put(key, (long) counted.delta()));
            tallies.add(counted.survey().surveyId(), deltas);
        }
    }
}
