package org.chorus.survey.results;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.survey.response.ResponseErased;

/**
 * Keeps the counters in step with erasures from inside the transaction that erases each response: out of the backlog
 * if it was still waiting there, out of the counters otherwise. A new response joins the backlog by trigger, in the
 * statement that stores it (migration V11): one small row, so ingest stays cheap.
 */
@ApplicationScoped
class TallyUpdater {

    private final TallyBacklog backlog;
    private final TallyStore tallies;

    TallyUpdater(TallyBacklog backlog, TallyStore tallies) {
        this.backlog = backlog;
        this.tallies = tallies;
    }

    void onErased(@Observes ResponseErased erased) {
        if (!backlog.remove(erased.response().id())) {
            Map<TallyKey, Long> deltas = new HashMap<>();
            TallyKeys.of(erased.survey(), erased.response()).forEach(key -> deltas.put(key, -1L));
            tallies.add(erased.survey().surveyId(), deltas);
        }
    }
}
