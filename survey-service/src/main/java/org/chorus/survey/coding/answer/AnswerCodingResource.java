package org.chorus.survey.coding.answer;

import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.web.ETags;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One answer's coding, addressed by its response: a response's id is all a coder's list hands on. */
@RequestScoped
@Path("/api/v1/responses/{responseId}/coding")
@Tag(name = "Coding")
@Produces(MediaType.APPLICATION_JSON)
public class AnswerCodingResource {

    private final CodingService coding;
    private final Caller caller;

    public AnswerCodingResource(CodingService coding, Caller caller) {
        this.coding = coding;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.CODING_WRITE)
    @Operation(operationId = "codeAnswer",
            summary = "Code a free-text answer", description = "Zero or more categories of one frame (majors or "
            + "minors) and an optional sentiment, or cannotBeCoded. Send the answer's version (0 while uncoded, "
            + "or the ETag of the last change) in If-Match: two coders may work at once.")
    @APIResponse(responseCode = "200", description = "Coded; ETag is the coding's new version",
            content = @Content(schema = @Schema(implementation = CodedAnswer.class)))
    @APIResponse(responseCode = "400", description = "invalid-parameter: questionId is not a free-text question of "
            + "the response's survey")
    @APIResponse(responseCode = "404", description = "No such response, or it left the question unanswered")
    @APIResponse(responseCode = "409", description = "conflict: a second reading of an answer the first pass has "
            + "not coded, or by the key that coded the first pass")
    @APIResponse(responseCode = "410", description = "response-erased: the respondent erased the response")
    @APIResponse(responseCode = "412", description = "Someone coded the answer since the version If-Match names")
    @APIResponse(responseCode = "422", description = "validation: an unknown frame, frame version or category, "
            + "or categories with cannotBeCoded; errors name the pointer, e.g. /categories/1")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response code(@PathParam("responseId") UUID responseId,
            @Parameter(description = "The free-text question answered", required = true,
                    schema = @Schema(type = SchemaType.STRING, example = "other-feedback"))
            @QueryParam("questionId") String questionId,
            @Parameter(description = "first (the default), or second: the blind second coder's reading, which "
                    + "only another key than the first coder's may give, of an answer the first pass coded",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "first", "second" }))
            @QueryParam("pass") String pass, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CodingInput input) {
        return ETags.ok(coding.code(caller, responseId, questionId, passOf(pass), input, ifMatch),
                CodedAnswer::version);
    }

    private static CodingPass passOf(String pass) {
        if (pass == null || pass.isBlank()) {
            return CodingPass.FIRST;
        }
        return switch (pass.strip().toLowerCase(Locale.ROOT)) {
            case "first" -> CodingPass.FIRST;
            case "second" -> CodingPass.SECOND;
            default -> throw ProblemException.invalidParameter("pass", "must be first or second");
        };
    }
}
