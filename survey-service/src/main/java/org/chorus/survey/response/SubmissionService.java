package org.chorus.survey.response;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.idempotency.IdempotencyClaim;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.time.StoredTime;
import org.chorus.platform.web.RequestThreads;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.problem.ProblemException;
import org.chorus.survey.definition.PublishedSurvey;
import org.chorus.survey.definition.Question;
import org.chorus.survey.definition.SurveyQueries;

/**
 * Accepts responses to open surveys. The response, its place in the tally backlog, its event and its idempotency
 * record commit together; a response that breaks any rule stores nothing.
 */
@ApplicationScoped
public class SubmissionService {

    /** A survey changes rarely; twice while one response is checked is as far as it is worth following. */
    private static final int ATTEMPTS = 3;

    private final SurveyQueries surveys;
    private final SubmissionGroups groups;
    private final ResponseStore store;
    private final Outbox outbox;

    public SubmissionService(SurveyQueries surveys, SubmissionGroups groups, ResponseStore store, Outbox outbox) {
        this.surveys = surveys;
        this.groups = groups;
        this.store = store;
        this.outbox = outbox;
    }

    /**
     * Stores a response, its event and, with an Idempotency-Key, its idempotency record in one statement with those of
     * the submissions that arrive at the same time ({@link SubmissionGroups}): ingest is the hot path, and PostgreSQL's
     * cost is per statement and commit far more than per row. Called on the request's event loop, it blocks it nowhere:
     * when this replica remembers the survey as open and knows its version, as it nearly always does, the response is
     * checked at once and queued for the writer; a survey it must read first, or one that changed since it read it, is
     * read in a blocking step.
     *
     * @return the receipt, once the statement that stored the response has committed
     */
    public CompletionStage<Receipt> submit(Caller caller, UUID surveyId, ResponseInput input,
            IdempotencyClaim<Receipt> claim, RequestThreads threads) {
        var request = new Request(caller, surveyId, input, claim, checkChannel(caller, input), StoredTime.now(),
                ErasureTokens.newToken());
        checkContact(input.contact());
        PublishedSurvey remembered = surveys.acceptingResponsesAsRemembered(surveyId, request.now());
        if (remembered == null) {
            return threads.blocking(() -> submitReadingTheSurvey(request, 1));
        }
        Attempt attempt = prepare(request, remembered);
        return groups.store(attempt.submission()).thenCompose(outcome -> switch (outcome) {
            case STORED -> CompletableFuture.completedFuture(stored(attempt));
            case SURVEY_CHANGED -> threads.blocking(() -> surveyChanged(request, 1));
            case KEY_TAKEN -> CompletableFuture.failedFuture(request.claim().taken());
        });
    }

    /** Reads the survey's state as it is now, then attempts: blocking. */
    private Receipt submitReadingTheSurvey(Request request, int attempt) {
        Attempt prepared = prepare(request, surveys.acceptingResponses(request.surveyId(), request.now()));
        return switch (RequestThreads.await(groups.store(prepared.submission()))) {
            case STORED -> stored(prepared);
            case SURVEY_CHANGED -> surveyChanged(request, attempt);
            case KEY_TAKEN -> throw request.claim().taken();
        };
    }

    /**
     * Closed, rescheduled or republished since this replica read it: check the answers again, afresh.
     *
     * @return the receipt of a later attempt
     * @throws ProblemException 409 survey-changed after the last attempt
     */
    private Receipt surveyChanged(Request request, int attempt) {
        surveys.forget(request.surveyId());
        if (attempt == ATTEMPTS) {
            throw new ProblemException(409, "survey-changed", "Survey changed", "Survey " + request.surveyId()
                    + " changed while this response was checked; send it again");
        }
        return submitReadingTheSurvey(request, attempt + 1);
    }

    private Attempt prepare(Request request, PublishedSurvey survey) {
        Map<String, Answer> answers = AnswerRules.check(survey, request.input().answers());
        String language = checkLanguage(survey, request.input());
        StoredResponse response = new StoredResponse(UUID.randomUUID(), request.surveyId(), survey.version(),
                request.channel(), placeOf(survey, answers), request.caller().organisationId(),
                request.input().enteredBy(), request.now(), answers);
        Receipt receipt = new Receipt(response.id(), request.surveyId(), survey.version(), request.now(),
                request.token());
        var submission = new Submission(response, ErasureTokens.hash(request.token()), request.input().contact(),
                language, outbox.announcement(ChorusEventTypes.RESPONSE_SUBMITTED, response.eventData(survey)),
                request.claim(), request.claim().remembered(receipt));
        return new Attempt(submission, receipt);
    }

    private Receipt stored(Attempt attempt) {
        outbox.wakeRelay();
        return attempt.receipt();
    }

    /**
     * Checks that a replayed receipt's response is still there.
     *
     * @throws ProblemException 410 once the response was erased: a retry must neither submit it again nor learn
     *         anything about it but that it is gone
     */
    @Transactional
    public void requireNotErased(UUID responseId) {
        if (!store.exists(responseId)) {
            throw new ProblemException(410, "response-erased", "Response erased",
                    "The response this Idempotency-Key created was erased; it is not submitted again");
        }
    }

    /** Websites submit online; staff say how the response reached them and who entered it. */
    private static Channel checkChannel(Caller caller, ResponseInput input) {
        if (caller.has(Scopes.SURVEYS_MANAGE)) {
            if (input.channel() == null || input.channel() == Channel.ONLINE) {
                throw ProblemException.invalidField("/channel",
                        "staff entering a response say how it was given: PHONE, PAPER, EASY_READ or EVENT");
            }
            if (input.enteredBy() == null || input.enteredBy().isBlank()) {
                throw ProblemException.invalidField("/enteredBy", "staff entering a response say who entered it");
            }
            return input.channel();
        }
        if (input.channel() != null && input.channel() != Channel.ONLINE) {
            throw ProblemException.invalidField("/channel", "a website's responses are ONLINE; other channels are "
                    + "entered by staff with a surveys:manage key");
        }
        if (input.enteredBy() != null) {
            throw ProblemException.invalidField("/enteredBy", "only staff entering a response say who entered it");
        }
        return Channel.ONLINE;
    }

    /** A response is given in a language the survey is written in, so that exports can say which words it read. */
    private static String checkLanguage(PublishedSurvey survey, ResponseInput input) {
        String language = input.languageOrEnglish();
        if (!survey.definition().isWrittenIn(language)) {
            throw ProblemException.invalidField("/language", "unknown-language: the survey is written in "
                    + String.join(", ", survey.definition().languages()));
        }
        return language;
    }

    /** Contact details are personal data: kept only when the respondent agreed, and only if they can be used. */
    private static void checkContact(Contact contact) {
        if (contact == null) {
            return;
        }
        if (!Boolean.TRUE.equals(contact.consent())) {
            throw ProblemException.invalidField("/contact/consent", "consent-required: contact details are kept "
                    + "only when the respondent agrees to be contacted; send consent true, or leave contact out");
        }
        if (isBlank(contact.email()) && isBlank(contact.phone())) {
            throw ProblemException.invalidField("/contact", "give an email address or a phone number");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String placeOf(PublishedSurvey survey, Map<String, Answer> answers) {
        return survey.definition().questions()
                .filter(q -> q.kind().givesPlace())
                .map(Question::id).map(answers::get).filter(a -> a != null).map(Answer::choice)
                .findFirst().orElse(null);
    }

    /** What one submission request brought, and what was settled for it before any attempt. */
    private record Request(Caller caller, UUID surveyId, ResponseInput input, IdempotencyClaim<Receipt> claim,
            Channel channel, Instant now, String token) {
    }

    /** A submission checked against one version of its survey, and the receipt it gets if that version stores it. */
    private record Attempt(Submission submission, Receipt receipt) {
    }
}
