package org.chorus.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class OpenApiMergerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aComponentThatOnlyLooksTheSameIsRenamedWhenWhatItReferencesWasRenamed() throws Exception {
        // Both define Wrapper identically as text, but it points at Item, which differs between them.
        ServiceDocument directory = document("directory", """
                {"openapi":"3.1.0","info":{"version":"1.0"},
                 "paths":{"/api/v1/places":{"get":{"responses":{"200":{"$ref":"#/components/responses/Ok"}}}}},
                 "components":{"schemas":{
                   "Wrapper":{"type":"object","properties":{"item":{"$ref":"#/components/schemas/Item"}}},
                   "Item":{"type":"string"}},
                  "responses":{"Ok":{"description":"ok"}}}}""");
        ServiceDocument survey = document("survey", """
                {"openapi":"3.1.0",
                 "paths":{"/api/v1/surveys":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":
                   {"schema":{"$ref":"#/components/schemas/Wrapper"}}}}}}},
                          "/api/v1/places":{"get":{"summary":"not this one"}}},
                 "components":{"schemas":{
                   "Wrapper":{"type":"object","properties":{"item":{"$ref":"#/components/schemas/Item"}}},
                   "Item":{"type":"integer"}},
                  "responses":{"Ok":{"description":"ok"}}}}""");

        ObjectNode merged = OpenApiMerger.merge(List.of(directory, survey),
                (path, service) -> path.startsWith("/api/v1/places") ? service.equals("directory") : service.equals("survey"));

        ObjectNode schemas = (ObjectNode) merged.path("components").path("schemas");
        assertEquals("string", schemas.path("Item").path("type").asText());
        assertEquals("integer", schemas.path("SurveyItem").path("type").asText());
        assertEquals("#/components/schemas/SurveyItem",
                schemas.path("SurveyWrapper").path("properties").path("item").path("$ref").asText());
        assertEquals("#/components/schemas/Item",
                schemas.path("Wrapper").path("properties").path("item").path("$ref").asText());
        assertEquals("#/components/schemas/SurveyWrapper", merged.at(
                "/paths/~1api~1v1~1surveys/get/responses/200/content/application~1json/schema/$ref").asText());
        // Identical components are kept once, under their own name.
        assertEquals(1, merged.path("components").path("responses").size());
        // The directory owns /api/v1/places: the survey's description of it is left out.
        assertFalse(merged.at("/paths/~1api~1v1~1places/get").has("summary"));
        assertTrue(merged.path("components").path("securitySchemes").has("apiKey"));
    }

    /** A client generated from a saved copy of the document calls the gateway's public address, not the file's. */
    @Test
    void theGatewaysPublicAddressIsTheDocumentsOneServerWhenItIsKnown() throws Exception {
        List<ServiceDocument> documents = List.of(document("directory", """
                {"openapi":"3.1.0","info":{"version":"1.0"},"paths":{}}"""));

        ObjectNode named = OpenApiMerger.merge(documents, (path, service) -> true,
                Optional.of(URI.create("https://chorus.example.org")));

        assertEquals(1, named.path("servers").size());
        assertEquals("https://chorus.example.org", named.at("/servers/0/url").asText());
        assertFalse(OpenApiMerger.merge(documents, (path, service) -> true).has("servers"),
                "unknown, the paths are read under the address the document was fetched from");
    }

    @Test
    void anOperationKeepsTheScopesItRequiresUnderTheGatewaysScheme() throws Exception {
        ServiceDocument directory = document("directory", """
                {"openapi":"3.1.0","info":{"version":"1.0"},
                 "paths":{"/api/v1/api-keys/{keyId}/revoke":{"post":{"security":[{"SecurityScheme":["directory:manage"]}]}},
                          "/api/v1/places":{"get":{"security":[{"SecurityScheme":[]}]},
                                            "post":{}}},
                 "components":{"securitySchemes":{"SecurityScheme":{"type":"http","scheme":"bearer"}}}}""");

        ObjectNode merged = OpenApiMerger.merge(List.of(directory), (path, service) -> true);

        assertEquals("directory:manage",
                merged.at("/paths/~1api~1v1~1api-keys~1{keyId}~1revoke/post/security/0/apiKey/0").asText());
        assertTrue(merged.at("/paths/~1api~1v1~1places/get/security/0/apiKey").isEmpty());
        assertFalse(merged.at("/paths/~1api~1v1~1places/post").has("security"));
        assertFalse(merged.path("components").path("securitySchemes").has("SecurityScheme"));
    }

    @Test
    void anOperationAWebsiteMayCallAnswersTheGatewaysRateLimitAndNoOtherDoes() throws Exception {
        ServiceDocument insight = document("insight", """
                {"openapi":"3.1.0","info":{"version":"1.0"},
                 "paths":{"/api/v1/findings":{
                   "get":{"security":[{"SecurityScheme":["insights:read","public"]}],"responses":{"200":{"description":"ok"}}},
                   "post":{"security":[{"SecurityScheme":["insights:write"]}],"responses":{"201":{"description":"ok"}}}}},
                 "components":{"schemas":{"Problem":{"type":"object"}},
                  "securitySchemes":{"SecurityScheme":{"type":"http","scheme":"bearer"}}}}""");

        ObjectNode merged = OpenApiMerger.merge(List.of(insight), (path, service) -> true);

        String search = "/paths/~1api~1v1~1findings/get/responses/429";
        assertEquals(RateLimitResponses.DESCRIPTION, merged.at(search + "/description").asText());
        assertEquals("integer", merged.at(search + "/headers/Retry-After/schema/type").asText());
        assertEquals("#/components/schemas/Problem",
                merged.at(search + "/content/application~1problem+json/schema/$ref").asText());
        assertTrue(merged.at("/paths/~1api~1v1~1findings/post/responses/429").isMissingNode(),
                "secret keys are not limited");
    }

    private static ServiceDocument document(String service, String json) throws Exception {
        return new ServiceDocument(service, (ObjectNode) MAPPER.readTree(json));
    }
}
