package org.chorus.platform.handover;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the GET of every handover part alike, as {@link Handovers#answer} behaves alike for each: the package
 * streamed as a zip, 400 for an organisation that is no id, 403 for a key without handover:read or of another
 * organisation. A part's resource says only what its package holds. (The errors become problem documents with the
 * rest, in the services' ProblemResponsesFilter, whichever of the two filters runs first.)
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class HandoverOperations implements OASFilter {

    private static final String PATH = "/api/v1/handover/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (HandoverPart part : HandoverPart.values()) {
            PathItem path = openAPI.getPaths().getPathItem(PATH + part.segment());
            if (path != null && path.getGET() != null) {
                document(path.getGET());
            }
        }
    }

    private static void document(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        responses.addAPIResponse("200", OASFactory.createAPIResponse().description(Handovers.STREAMED)
                .content(OASFactory.createContent().addMediaType(Handovers.ZIP, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("binary")))));
        Map.of("400", Handovers.BAD_ORGANISATION, "403", Handovers.REFUSED).forEach((code, description) ->
                describe(responses, code, description));
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> Handovers.ORGANISATION.equals(p.getName())
                    && p.getIn() == Parameter.In.QUERY).forEach(p -> p.description(Handovers.OWN_ORGANISATION)
                            .required(true));
        }
    }

    /**
     * Gives the code its own response with this description, keeping the content another filter may have given it.
     * A new response, never the one found: Quarkus shares one 403 response among all secured operations.
     */
    private static void describe(APIResponses responses, String code, String description) {
        APIResponse found = responses.getAPIResponse(code);
        APIResponse own = OASFactory.createAPIResponse().description(description);
        if (found != null) {
            own.setContent(found.getContent());
        }
        responses.addAPIResponse(code, own);
    }
}
