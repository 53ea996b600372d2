package org.chorus.survey.coding.frame;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.web.ETags;
import org.chorus.platform.web.Locations;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Coding frames: the categories free-text answers are coded against, two levels deep and versioned. */
@RequestScoped
@Path("/api/v1/coding-frames")
@Tag(name = "Coding")
@Produces(MediaType.APPLICATION_JSON)
public class CodingFrameResource {

    private final FrameService frames;
    private final Caller caller;

    public CodingFrameResource(FrameService frames, Caller caller) {
        this.frames = frames;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.CODING_MANAGE)
    @Operation(operationId = "addCodingFrame",
            summary = "Add a coding frame", description = "Major categories, each with minor categories; codes "
            + "unique in the frame. A category may name the insight theme it counts towards. The frame is the "
            + "organisation's own; version 1.")
    @APIResponse(responseCode = "201", description = "Added; ETag is the version",
            content = @Content(schema = @Schema(implementation = CodingFrame.class)))
    @APIResponse(responseCode = "422", description = "validation: a name or category is not valid; errors name the "
            + "pointer, e.g. /categories/0/minors/2/code")
    public Response create(@Valid @NotNull FrameInput input) {
        CodingFrame frame = frames.create(caller, input);
        return ETags.created(Locations.of(CodingFrameResource.class, frame.id()), frame, CodingFrame::version);
    }

    @POST
    @Path("/{id}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.CODING_MANAGE)
    @Operation(operationId = "addCodingFrameVersion",
            summary = "Add a version of a coding frame", description = "The categories of the next version, "
            + "which becomes the latest; codings made with earlier versions keep them. Send the latest version's "
            + "ETag in If-Match.")
    @APIResponse(responseCode = "201", description = "The new version; the ETag names its version",
            content = @Content(schema = @Schema(implementation = CodingFrame.class)))
    @APIResponse(responseCode = "403", description = "not-owner: another organisation's frame, or one offered to all")
    @APIResponse(responseCode = "404", description = "No such frame the organisation may use")
    @APIResponse(responseCode = "412", description = "The frame has a newer version than If-Match names")
    @APIResponse(responseCode = "422", description = "validation: a category is not valid; errors name the pointer")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response revise(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull FrameInput input) {
        CodingFrame frame = frames.revise(caller, id, input, ifMatch);
        return ETags.created(Locations.of(CodingFrameResource.class, frame.id()), frame, CodingFrame::version);
    }

    @GET
    @RolesAllowed({ Scopes.CODING_MANAGE, Scopes.CODING_WRITE })
    @Operation(operationId = "listCodingFrames",
            summary = "List coding frames", description = "The latest version of each frame the organisation may "
            + "use: its own, and those offered to every organisation.")
    @APIResponse(responseCode = "200", description = "A page of frames")
    public Page<CodingFrame> list(@Valid @BeanParam PageRequest page) {
        return frames.list(caller, page.limit(), page.cursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Scopes.CODING_MANAGE, Scopes.CODING_WRITE })
    @Operation(operationId = "getCodingFrame",
            summary = "Read a coding frame", description = "The latest version, or the one asked for.")
    @APIResponse(responseCode = "200", description = "The frame; the ETag names its version",
            content = @Content(schema = @Schema(implementation = CodingFrame.class)))
    @APIResponse(responseCode = "404", description = "No such frame or version the organisation may use")
    @APIResponse(responseCode = "304", description = ETags.NOT_MODIFIED)
    public Response get(@PathParam("id") UUID id,
            @Parameter(description = "A version; the latest when absent") @QueryParam("version") Integer version) {
        return ETags.ok(frames.get(caller, id, version), CodingFrame::version);
    }
}
