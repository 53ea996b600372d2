package org.chorus.platform.web.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.chorus.platform.web.ETags;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

/** Each operation gets the problems its shape brings, and keeps the ones its resource wrote. */
class ProblemResponsesFilterTest {

    private static final String SCOPE = "The key does not have the scope this operation needs (missing-scope, whose "
            + "detail names the scopes that would do)";

    private final ProblemResponsesFilter filter = new ProblemResponsesFilter();

    @Test
    void anOwnedItemsEditBringsEveryProblemOfItsShape() {
        Operation put = operation(parameter("id", Parameter.In.PATH), parameter("If-Match", Parameter.In.HEADER))
                .requestBody(OASFactory.createRequestBody());
        put.addExtension(OwnershipRule.EXTENSION, "finding");
        Operation get = operation(parameter("id", Parameter.In.PATH));
        get.addExtension(OwnershipRule.EXTENSION, "finding");
        filter.filterPathItem(OASFactory.createPathItem().PUT(put).GET(get));

        assertEquals(List.of("400", "401", "403", "404", "412", "422", "428", "500", "503"), codes(put));
        assertEquals(SCOPE + ", or the finding belongs to another organisation (not-owner)",
                put.getResponses().getAPIResponse("403").getDescription());
        assertFalse(put.hasExtension(OwnershipRule.EXTENSION), "the marker stays out of the published document");
        assertEquals(List.of("400", "401", "403", "404", "500", "503"), codes(get));
        assertEquals(SCOPE, get.getResponses().getAPIResponse("403").getDescription(),
                "reading is not an owner's privilege");
    }

    @Test
    void aCreateWithAnIdempotencyKeyBringsConflictAndInvalidBodyButNoNotFound() {
        Operation post = operation(parameter("Idempotency-Key", Parameter.In.HEADER))
                .requestBody(OASFactory.createRequestBody());
        filter.filterPathItem(OASFactory.createPathItem().POST(post));

        assertEquals(List.of("400", "401", "403", "409", "422", "500", "503"), codes(post));
    }

    @Test
    void ifMatchAndIdempotencyKeySayWhatTheyMeanUnlessTheResourceSaysMore() {
        Parameter receipt = parameter("Idempotency-Key", Parameter.In.HEADER)
                .description("Makes retries safe: the same key and body return the first receipt");
        Operation put = operation(parameter("If-Match", Parameter.In.HEADER), parameter("if-match", Parameter.In.QUERY));
        Operation post = operation(parameter("Idempotency-Key", Parameter.In.HEADER));
        Operation submit = operation(receipt);
        filter.filterPathItem(OASFactory.createPathItem().PUT(put).POST(post).PATCH(submit));

        assertEquals("The ETag last read", put.getParameters().get(0).getDescription());
        assertEquals(null, put.getParameters().get(1).getDescription(), "a query parameter of the name is another");
        assertEquals("Makes retries safe: the same key and body return the first result",
                post.getParameters().get(0).getDescription());
        assertEquals("Makes retries safe: the same key and body return the first receipt",
                submit.getParameters().get(0).getDescription());
    }

    @Test
    void aReadDeclaringNotModifiedTakesIfNoneMatch() {
        Operation get = operation(parameter("id", Parameter.In.PATH));
        get.getResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("The finding"));
        get.getResponses().addAPIResponse("304", OASFactory.createAPIResponse().description(ETags.NOT_MODIFIED));
        Operation list = operation();
        filter.filterPathItem(OASFactory.createPathItem().GET(get));
        filter.filterPathItem(OASFactory.createPathItem().GET(list));

        Parameter ifNoneMatch = get.getParameters().get(1);
        assertEquals("If-None-Match", ifNoneMatch.getName());
        assertEquals(Parameter.In.HEADER, ifNoneMatch.getIn());
        assertEquals("The ETag last read: 304 and no body if it still names what would be sent",
                ifNoneMatch.getDescription());
        assertEquals(ETags.NOT_MODIFIED, get.getResponses().getAPIResponse("304").getDescription());
        for (String code : List.of("200", "304")) {
            assertTrue(get.getResponses().getAPIResponse(code).getHeaders().containsKey("ETag"), code);
        }
        assertEquals(List.of(), list.getParameters(), "a read without a 304 takes no If-None-Match");
    }

    @Test
    void anOperationWithoutParametersListsTheBadRequestOfSendingOne() {
        Operation list = operation();
        filter.filterPathItem(OASFactory.createPathItem().GET(list));

        assertEquals(List.of("400", "401", "403", "500", "503"), codes(list));
        assertEquals("A query parameter was sent: this operation takes none",
                list.getResponses().getAPIResponse("400").getDescription());
    }

    @Test
    void anOpenOperationListsNoKeyProblems() {
        Operation open = operation(parameter("code", Parameter.In.PATH)).security(List.of());
        filter.filterPathItem(OASFactory.createPathItem().GET(open));

        assertEquals(List.of("400", "404", "500", "503"), codes(open));
    }

    @Test
    void aResourcesOwnDescriptionWinsAndEveryErrorIsAProblemWithRetryAfterOnOutage() {
        Operation get = operation(parameter("id", Parameter.In.PATH));
        get.getResponses().addAPIResponse("404", OASFactory.createAPIResponse().description("No such survey, or "
                + "never published"));
        get.getResponses().addAPIResponse("403", OASFactory.createAPIResponse().description("Not Allowed"));
        filter.filterPathItem(OASFactory.createPathItem().GET(get));

        Map<String, APIResponse> responses = get.getResponses().getAPIResponses();
        assertEquals("No such survey, or never published", responses.get("404").getDescription());
        assertEquals(SCOPE, responses.get("403").getDescription(), "Quarkus' bare 403 gives way");
        responses.forEach((code, response) -> assertTrue(response.getContent().hasMediaType("application/problem+json"),
                code + " is a problem"));
        assertTrue(responses.get("503").getHeaders().containsKey("Retry-After"));
    }

    private static Operation operation(Parameter... parameters) {
        return OASFactory.createOperation().parameters(new ArrayList<>(List.of(parameters)))
                .responses(OASFactory.createAPIResponses());
    }

    private static Parameter parameter(String name, Parameter.In in) {
        return OASFactory.createParameter().name(name).in(in);
    }

    private static List<String> codes(Operation operation) {
        return List.copyOf(new TreeMap<>(operation.getResponses().getAPIResponses()).keySet());
    }
}
