package org.chorus.directory.place;


import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.chorus.platform.web.Locations;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.paging.PageRequest;
import org.chorus.platform.web.paging.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** The places of the partnership: readable by every caller, registered by administrators. */
@Path("/api/v1/places")
@Tag(name = "Places")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlaceResource {

    private final PlaceService places;

    public PlaceResource(PlaceService places) {
        this.places = places;
    }

    @POST
    @RolesAllowed(Scopes.DIRECTORY_MANAGE)
    @Operation(operationId = "registerPlace", summary = "Register a place")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = Place.class)))
    @APIResponse(responseCode = "409", description = "The code is taken")
    @APIResponse(responseCode = "422", description = "Not valid, e.g. unknown parent")
    public Response register(@Valid @NotNull PlaceInput body) {
        Place place = places.register(body);
        return Response.created(Locations.of(PlaceResource.class, place.code())).entity(place).build();
    }

    @GET
    @RolesAllowed(Scopes.ANY_SECRET_KEY)
    @Operation(operationId = "listPlaces", summary = "List places", description = "Cursor-paged, in code order.")
    @APIResponse(responseCode = "200", description = "A page of places")
    public Page<Place> list(@Valid @BeanParam PageRequest page) {
        return places.list(page.limit(), page.cursor());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed(Scopes.ANY_SECRET_KEY)
    @Operation(operationId = "getPlace", summary = "Get a place by its code")
    @APIResponse(responseCode = "200", description = "The place",
            content = @Content(schema = @Schema(implementation = Place.class)))
    public Place get(@PathParam("code") String code) {
        return places.get(code);
    }
}
