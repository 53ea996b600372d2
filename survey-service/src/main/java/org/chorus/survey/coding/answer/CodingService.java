package org.chorus.survey.coding.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.contract.AnswerCodingData;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.ETags;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.input.Vocabulary;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;
import org.chorus.platform.web.suppression.Suppression;
import org.chorus.survey.coding.frame.CodingFrame;
import org.chorus.survey.coding.frame.FrameService;
import org.chorus.survey.coding.frame.FrameStore;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.Question;
import org.chorus.survey.definition.SurveyQueries;
import org.chorus.survey.question.FreeText;
import org.chorus.survey.results.Breakdown;

/**
 * Codes free-text answers against a frame. Two coders may work at once, so a change names the version it read
 * (If-Match); an answer whose response was erased is gone (410), not merely missing. Each change is announced, in its
 * transaction, with the codes but not the text.
 */
@ApplicationScoped
public class CodingService {

    private final SurveyQueries surveys;
    private final CodingStore store;
    private final FrameStore frames;
    private final FrameService frameService;
    private final Outbox outbox;

    CodingService(SurveyQueries surveys, CodingStore store, FrameStore frames, FrameService frameService,
            Outbox outbox) {
        this.outbox = outbox;
        this.surveys = surveys;
        this.store = store;
        this.frames = frames;
        this.frameService = frameService;
    }

    /** @param questionId null for every free-text question */
    public Page<CodedAnswer> list(UUID surveyId, String questionId, int limit, String cursor) {
        List<String> questions = freeTextQuestions(surveyId, questionId);
        List<CodedAnswer> fetched = store.list(surveyId, questions, ListCursor.decode(cursor), limit + 1);
        return Page.of(fetched, limit, ListCursor::encode);
    }

    public List<QuestionProgress> progress(UUID surveyId) {
        return store.progress(surveyId, freeTextQuestions(surveyId, null)).entrySet().stream()
                .map(e -> QuestionProgress.of(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /**
     * @throws ProblemException 404 no such answer; 410 its response was erased; 400 not a free-text question;
     *         428/412 If-Match missing or stale;
     *         422 an unknown frame or category, naming its pointer
     */
    @Transactional
    public CodedAnswer code(Caller caller, UUID responseId, String questionId, CodingPass pass, CodingInput input,
            String ifMatch) {
        UUID surveyId = store.lockResponse(responseId).orElseThrow(() -> store.erased(responseId)
                ? new ProblemException(410, "response-erased", "Response erased",
                        "The respondent erased this response; its answer can no longer be coded")
                : ProblemException.notFound("Response", responseId));
        List<String> freeText = freeTextQuestions(surveyId, null);
        if (questionId == null || !freeText.contains(questionId)) {
            throw ProblemException.invalidParameter("questionId",
                    "must be a free-text question of the response's survey");
        }
        CodingStore.WrittenAnswer answer = store.writtenAnswer(responseId, questionId)
                .orElseThrow(() -> ProblemException.notFound("Answer to " + questionId + " of response", responseId));
        CodingFrame frame = frame(caller, input);
        Coding coding = new Coding(frame.id(), frame.version(), categories(frame, input), input.sentiment(),
                input.uncodable(), StoredTime.now());
        long current = store.lockVersion(responseId, questionId, pass);
        ETags.requireMatch(ifMatch, current);
        if (pass == CodingPass.SECOND) {
            requireSecondCoder(caller, responseId, questionId);
        }
        store.save(surveyId, responseId, questionId, pass, coding, current + 1, caller.keyId());
        if (pass == CodingPass.FIRST) {
            store.markIfDone(responseId, freeText);
        }
        // the codes and what they count towards, never the words: the text stays here
        outbox.record(ChorusEventTypes.ANSWER_CODED, responseId, new AnswerCodingData(responseId, surveyId,
                questionId, pass.name(), frame.id(), frame.version(), coding.categories(),
                frame.insightThemes(coding.categories()), coding.sentiment() == null ? null : coding.sentiment().name(),
                coding.cannotBeCoded(), current + 1, coding.codedAt()));
        return new CodedAnswer(responseId, questionId, answer.text(), answer.submittedAt(), coding, current + 1);
    }

    /** @param by all (or null), channel, place or a demographic question's id, as for the survey's results */
    public CodedResults results(Caller caller, UUID surveyId, UUID frameId, String by) {
        if (frameId == null) {
            throw ProblemException.invalidParameter("frameId", "is required");
        }
        Breakdown breakdown = Breakdown.of(surveys.latest(surveyId), by);
        List<String> questions = freeTextQuestions(surveyId, null);
        CodingFrame frame = frameService.get(caller, frameId, null);
        Map<String, Map<String, Map<String, Long>>> counts = store.counts(surveyId, frameId, breakdown);
        List<String> groups = breakdown.isAll() ? List.of("") : Breakdown.inOrder(counts.keySet());
        CodedCounts cells = new CodedCounts(questions, frame, groups, counts);
        return new CodedResults(surveyId, frameId, frame.name(), breakdown.name(), Suppression.THRESHOLD,
                groups.stream().map(g -> new CodedResults.Group(breakdown.isAll() ? null : g,
                        questions.stream().map(q -> cells.question(g, q)).toList())).toList());
    }

    /** A second reading is of an answer already coded, by someone else: agreement with oneself measures nothing. */
    private void requireSecondCoder(Caller caller, UUID responseId, String questionId) {
        UUID first = store.coder(responseId, questionId, CodingPass.FIRST)
                .orElseThrow(() -> ProblemException.conflict("The answer is not coded yet: the second pass codes a "
                        + "sample of answers the first pass coded"));
        if (first.equals(caller.keyId())) {
            throw ProblemException.conflict("The second pass is coded blind by another coder: this key coded the "
                    + "first pass");
        }
    }

    private CodingFrame frame(Caller caller, CodingInput input) {
        if (input.frameId() == null) {
            throw ProblemException.invalidField("/frameId", "is required");
        }
        return frames.find(input.frameId(), input.frameVersion()).filter(f -> FrameService.usableBy(caller, f))
                .orElseThrow(() -> ProblemException.invalid(List.of(input.frameVersion() == null
                        ? FieldError.body("/frameId", "is not a coding frame your organisation may use")
                        : FieldError.body("/frameVersion", "is not a version of that frame"))));
    }

    private static List<String> categories(CodingFrame frame, CodingInput input) {
        List<String> codes = input.categoriesOrEmpty();
        List<FieldError> faults = new ArrayList<>();
        if (input.uncodable() && !codes.isEmpty()) {
            faults.add(FieldError.body("/categories", "must be empty for an answer that cannot be coded"));
        }
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i) == null || !frame.has(codes.get(i))) {
                faults.add(FieldError.body("/categories/" + i, "is not a category of frame " + frame.id()
                        + " version " + frame.version() + (codes.get(i) == null ? ""
                                : Vocabulary.ofCodes(frame.codes().toList()).didYouMean(codes.get(i)))));
            }
        }
        if (!faults.isEmpty()) {
            throw ProblemException.invalid(faults);
        }
        return List.copyOf(new LinkedHashSet<>(codes));
    }

    /** The survey's free-text questions in its latest version, or the one asked for. */
    private List<String> freeTextQuestions(UUID surveyId, String questionId) {
        PublishedSurvey survey = surveys.latest(surveyId);
        List<String> ids = survey.definition().questions().filter(q -> q.kind() instanceof FreeText)
                .map(Question::id).toList();
        if (questionId == null) {
            return ids;
        }
        if (!ids.contains(questionId)) {
            throw ProblemException.invalidParameter("questionId", "not a free-text question of the survey");
        }
        return List.of(questionId);
    }
}
