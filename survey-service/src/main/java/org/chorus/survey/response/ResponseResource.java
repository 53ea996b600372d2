package org.chorus.survey.response;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.idempotency.IdempotentRequests;
import org.chorus.platform.web.Locations;
import org.chorus.platform.web.RequestThreads;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Submitting responses, from partner websites and from staff, and their erasure by the survey's organisation. Request
 * scoped: the caller differs on every request. Submitting runs on the request's event loop (it returns a stage), since
 * waiting for the group commit on a worker thread cost more processor time than checking the response.
 */
@RequestScoped
@Path("/api/v1/surveys/{surveyId}/responses")
@Tag(name = "Responses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResponseResource {

    private final SubmissionService submissions;
    private final ResponseService responses;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public ResponseResource(SubmissionService submissions, ResponseService responses, IdempotentRequests idempotency,
            Caller caller) {
        this.submissions = submissions;
        this.responses = responses;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Scopes.PUBLIC, Scopes.SURVEYS_MANAGE })
    @Operation(operationId = "submitResponse", summary = "Submit a response",
            description = "From a partner website (publishable key, channel ONLINE) or from staff entering a phone, "
                    + "paper, easy-read or event response (surveys:manage, with channel and enteredBy). Every answer "
                    + "is checked against the published version; nothing is stored unless all are valid. Safe to "
                    + "retry with the same Idempotency-Key: a retry gets the first receipt again, but without its "
                    + "erasureToken, which is shown once and never kept (only its hash is; the survey's organisation "
                    + "erases a response at its respondent's request); a retry after the response was erased gets "
                    + "410. Announces ResponseSubmitted (no answers in it).")
    @APIResponse(responseCode = "201", description = "Accepted; keep the receipt to erase it later",
            content = @Content(schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "404", description = "No such survey, or never published")
    @APIResponse(responseCode = "409", description = "survey-closed or survey-not-open; survey-changed when the "
            + "survey was closed, rescheduled or republished again and again while the response was checked (send it "
            + "again); or Idempotency-Key reused with another body")
    @APIResponse(responseCode = "410", description = "response-erased: a retry with the Idempotency-Key of a "
            + "response that was erased since; it is not submitted again")
    @APIResponse(responseCode = "422", description = "An answer breaks a rule; each error's pointer is "
            + "/answers/<questionId> and its detail starts with the rule, e.g. duplicate-item, unknown-option, "
            + "too-many-choices, too-long, consent-required, required")
    public CompletionStage<Response> submit(@PathParam("surveyId") UUID surveyId,
            @Parameter(description = "Makes retries safe: the same key and body return the first receipt")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull ResponseInput body) {
        RequestThreads threads = RequestThreads.ofCurrentRequest();
        CompletionStage<Receipt> receipt = idempotency.executeInOneStatement(caller.organisationId().toString(),
                idempotencyKey, "submit-response:" + surveyId, body, Receipt.class, Receipt::withoutToken,
                claim -> submissions.submit(caller, surveyId, body, claim, threads), threads)
                .thenCompose(outcome -> outcome.replayed()
                        ? threads.blocking(() -> stillThere(outcome.result()))
                        : CompletableFuture.completedFuture(outcome.result()));
        return threads.answer(receipt, stored -> Response
                .created(Locations.of(ErasureResource.class, stored.responseId())).entity(stored).build());
    }

    @DELETE
    @Path("/{responseId}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.SURVEYS_MANAGE)
    @Operation(operationId = "eraseResponseForRespondent", summary = "Erase a response at its respondent's request",
            description = "For the survey's own organisation, when a respondent asks it to erase their response and "
                    + "quotes the responseId from their receipt: a receipt can lack its erasureToken (a retry's has "
                    + "none) or be lost. As an erasure by token: the response leaves results and exports at once, "
                    + "the change feed keeps a tombstone, and ResponseErased is announced. The audit log names the "
                    + "key that erased it.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "403", description = "not-owner: another organisation's survey")
    @APIResponse(responseCode = "404", description = "No such survey, or no such response of it (or erased already)")
    public Response eraseForRespondent(@PathParam("surveyId") UUID surveyId,
            @PathParam("responseId") UUID responseId) {
        responses.eraseForRespondent(caller, surveyId, responseId);
        return Response.noContent().build();
    }

    private Receipt stillThere(Receipt replayed) {
        submissions.requireNotErased(replayed.responseId());
        return replayed;
    }
}
