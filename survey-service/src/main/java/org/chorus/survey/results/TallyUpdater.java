package org.chorus.survey.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.survey.response.ResponseCounted;

/** Keeps the counters in step with responses, inside the transaction that stores or erases each one. */
@ApplicationScoped
class TallyUpdater {

    private final TallyStore tallies;

    TallyUpdater(TallyStore tallies) {
        this.tallies = tallies;
    }

    void onResponse(@Observes ResponseCounted counted) {
        tallies.add(counted.survey().surveyId(), TallyKeys.of(counted.survey(), counted.response()), counted.delta());
    }
}
