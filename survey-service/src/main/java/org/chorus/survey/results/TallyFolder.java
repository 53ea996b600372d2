package org.chorus.survey.results;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.chorus.platform.worker.RoundsWorker;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.SurveyQueries;
import org.chorus.survey.response.StoredResponse;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Counts waiting responses in rounds on its own thread: a round claims up to a batch of them, adds up what they move
 * per counter, moves each counter once and clears them from the backlog, all in one transaction. It is not woken by
 * each commit but looks every poll interval, so that under load a round takes in many responses and each counter
 * moves once for all of them: results lag submissions by about that interval.
 */
@ApplicationScoped
class TallyFolder {

    private static final Logger LOG = Logger.getLogger(TallyFolder.class);

    private final TallyConfig config;
    private final TallyBacklog backlog;
    private final TallyStore tallies;
    private final SurveyQueries surveys;
    private final RoundsWorker worker;

    TallyFolder(TallyConfig config, TallyBacklog backlog, TallyStore tallies, SurveyQueries surveys,
            MeterRegistry meters) {
        this.config = config;
        this.backlog = backlog;
        this.tallies = tallies;
        this.surveys = surveys;
        this.worker = new RoundsWorker("chorus-tally-folder", config.pollInterval(), config.retryBackoff(), LOG,
                () -> QuarkusTransaction.requiringNew().call(this::foldRound) == config.batchSize());
        // the backlog is shared, so every replica reports it, counting or not
        Gauge.builder("chorus.tally.backlog", backlog, TallyBacklog::waitingInAll)
                .description("Responses stored but not yet counted in their survey's results").register(meters);
        Gauge.builder("chorus.tally.oldest.waiting.seconds", backlog, TallyBacklog::oldestWaitingSeconds)
                .description("How long the response waiting longest to be counted has waited: how far results lag")
                .register(meters);
    }

    void start(@Observes StartupEvent startup) {
        if (config.counting()) {
            worker.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        worker.stop();
    }

    /** @return how many responses this round counted */
    private int foldRound() {
        List<StoredResponse> claimed = backlog.claim(config.batchSize());
        if (claimed.isEmpty()) {
            return 0;
        }
        // surveys in a fixed order, so that replicas folding at once take their counters in the same order
        Map<UUID, TallyDeltas> deltasBySurvey = new TreeMap<>();
        Map<String, PublishedSurvey> versions = new HashMap<>();
        for (StoredResponse response : claimed) {
            PublishedSurvey survey = versions.computeIfAbsent(response.surveyId() + "/" + response.surveyVersion(),
                    k -> surveys.version(response.surveyId(), response.surveyVersion()));
            deltasBySurvey.computeIfAbsent(response.surveyId(), k -> new TallyDeltas()).add(survey, response);
        }
        deltasBySurvey.forEach((surveyId, deltas) -> tallies.add(surveyId, deltas.byKey()));
        backlog.removeAll(claimed.stream().map(StoredResponse::id).toList());
        return claimed.size();
    }
}
