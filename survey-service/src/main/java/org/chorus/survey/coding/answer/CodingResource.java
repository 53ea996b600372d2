package org.chorus.survey.coding.answer;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Coding a survey's free-text answers: the coder's list, each answer's coding, progress and coded counts. */
@RequestScoped
@Path("/api/v1/surveys/{surveyId}/coding")
@Tag(name = "Coding")
@Produces(MediaType.APPLICATION_JSON)
public class CodingResource {

    private final CodingService coding;
    private final SecondPassService secondPass;
    private final Caller caller;

    public CodingResource(CodingService coding, SecondPassService secondPass, Caller caller) {
        this.coding = coding;
        this.secondPass = secondPass;
        this.caller = caller;
    }

    @GET
    @Path("/second-pass")
    @RolesAllowed(Scopes.CODING_WRITE)
    @Operation(operationId = "listSecondPassAnswers",
            summary = "List answers for the blind second coder", description = "Answers the first pass coded, "
            + "by another key than this one, and the second pass has not: in an order random but the same on every "
            + "call, so however many the second coder codes (with pass=second) are a random sample. No first "
            + "coding comes with them.")
    @APIResponse(responseCode = "200", description = "Up to limit answers, each with version 0")
    @APIResponse(responseCode = "404", description = "No such survey, or never published")
    public List<CodedAnswer> sample(@PathParam("surveyId") UUID surveyId,
            @Parameter(description = "Only this free-text question") @QueryParam("questionId") String questionId,
            @Valid @BeanParam PageRequest page) {
        return secondPass.sample(caller, surveyId, questionId, page.limit());
    }

    @GET
    @Path("/agreement")
    @RolesAllowed(Scopes.CODING_WRITE)
    @Operation(operationId = "getCodingAgreement",
            summary = "How far two coders agree", description = "Over the answers both passes coded with the "
            + "frame: per category, how many both, only the first and only the second coder gave it, the share on "
            + "which they agree and Cohen's kappa (agreement beyond chance).")
    @APIResponse(responseCode = "200", description = "Per category of the frame's latest version")
    @APIResponse(responseCode = "400", description = "invalid-parameter: frameId is missing")
    @APIResponse(responseCode = "404", description = "No such survey, or no such frame your organisation may use")
    public CoderAgreement agreement(@PathParam("surveyId") UUID surveyId,
            @Parameter(description = "The coding frame both passes used", required = true) @QueryParam("frameId")
            UUID frameId,
            @Parameter(description = "Only this free-text question") @QueryParam("questionId") String questionId) {
        return secondPass.agreement(caller, surveyId, frameId, questionId);
    }

    @GET
    @Path("/answers")
    @RolesAllowed(Scopes.CODING_WRITE)
    @Operation(operationId = "listAnswersToCode",
            summary = "List free-text answers to code", description = "Every non-empty answer to the survey's "
            + "free-text questions, uncoded first, then coded; each in order of submission. An erased response's "
            + "answers are not listed. version is what If-Match names to code it, with PUT "
            + "/api/v1/responses/{responseId}/coding?questionId=.")
    @APIResponse(responseCode = "200", description = "A page of answers")
    @APIResponse(responseCode = "400", description = "invalid-parameter: questionId is not a free-text question of "
            + "the survey, or the cursor was not issued by this list")
    @APIResponse(responseCode = "404", description = "No such survey, or never published")
    public Page<CodedAnswer> list(@PathParam("surveyId") UUID surveyId,
            @Parameter(description = "Only this free-text question") @QueryParam("questionId") String questionId,
            @Valid @BeanParam PageRequest page) {
        return coding.list(surveyId, questionId, page.limit(), page.cursor());
    }

    @GET
    @Path("/progress")
    @RolesAllowed(Scopes.CODING_WRITE)
    @Operation(operationId = "getCodingProgress",
            summary = "How far coding has got", description = "Per free-text question: answers, answers coded "
            + "(with any frame, cannot-be-coded included) and the % coded.")
    @APIResponse(responseCode = "200", description = "One entry per free-text question")
    @APIResponse(responseCode = "404", description = "No such survey, or never published")
    public List<QuestionProgress> progress(@PathParam("surveyId") UUID surveyId) {
        return coding.progress(surveyId);
    }

    @GET
    @Path("/results")
    @RolesAllowed({ Scopes.CODING_WRITE, Scopes.EXPORTS_READ })
    @Operation(operationId = "getCodedResults",
            summary = "Coded results", description = "Per free-text question, how many answers were given each "
            + "category of the frame (any of its versions), overall or broken down by channel, place or a "
            + "demographic question as the survey's results are, with the same small-number suppression: a count of "
            + "1 to 4 is shown as suppressed, and so is another count of a breakdown that would give it away by "
            + "subtraction. Erased responses are not counted. No text.")
    @APIResponse(responseCode = "200", description = "The counts, one group per value of the breakdown")
    @APIResponse(responseCode = "400", description = "invalid-parameter: frameId is missing, or by is not all, "
            + "channel, place or a demographic question")
    @APIResponse(responseCode = "404", description = "No such survey, or no such frame your organisation may use")
    public CodedResults results(@PathParam("surveyId") UUID surveyId,
            @Parameter(description = "The coding frame to count by", required = true) @QueryParam("frameId")
            UUID frameId,
            @Parameter(description = "all (default), channel, place, or the id of a demographic question",
                    example = "channel") @QueryParam("by") String by) {
        return coding.results(caller, surveyId, frameId, by);
    }
}
