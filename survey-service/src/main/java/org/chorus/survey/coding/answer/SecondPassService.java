package org.chorus.survey.coding.answer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.problem.ProblemException;
import org.chorus.survey.coding.agreement.Agreement;
import org.chorus.survey.coding.frame.CodingFrame;
import org.chorus.survey.coding.frame.FrameService;
import org.chorus.survey.definition.SurveyQueries;

/** The second coder's blind sample, and per category how far the two coders agree (% and Cohen's kappa). */
@ApplicationScoped
public class SecondPassService {

    private final SurveyQueries surveys;
    private final SecondPassStore store;
    private final FrameService frames;

    SecondPassService(SurveyQueries surveys, SecondPassStore store, FrameService frames) {
        this.surveys = surveys;
        this.store = store;
        this.frames = frames;
    }

    /** @param questionId null for every question */
    public List<CodedAnswer> sample(Caller caller, UUID surveyId, String questionId, int limit) {
        surveys.latest(surveyId);
        return store.sample(surveyId, questionId, caller.keyId(), limit);
    }

    public CoderAgreement agreement(Caller caller, UUID surveyId, UUID frameId, String questionId) {
        surveys.latest(surveyId);
        if (frameId == null) {
            throw ProblemException.invalidParameter("frameId", "is required");
        }
        CodingFrame frame = frames.get(caller, frameId, null);
        Map<String, Agreement> byCode = store.agreement(surveyId, frameId, questionId, frame.codes().toList());
        long compared = byCode.values().stream().mapToLong(Agreement::answers).findFirst().orElse(0);
        List<CoderAgreement.Category> categories = byCode.entrySet().stream()
                .map(e -> new CoderAgreement.Category(e.getKey(), e.getValue().both(), e.getValue().firstOnly(),
                        e.getValue().secondOnly(), e.getValue().percentAgreement(), e.getValue().kappa()))
                .toList();
        return new CoderAgreement(surveyId, frameId, questionId, compared, categories);
    }
}
