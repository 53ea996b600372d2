package org.chorus.platform.web.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

/** A property a schema does not require may be null, as the API writes it; a required one stays as it was. */
class NullableOptionalPropertiesTest {

    private final NullableOptionalProperties filter = new NullableOptionalProperties();

    @Test
    void anOptionalPropertyMayBeNullAndARequiredOneMayNot() {
        Schema action = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("id", string()).addProperty("reason", string()).required(List.of("id"));
        filter.filterOpenAPI(document("Action", action));

        assertEquals(List.of(SchemaType.STRING), action.getProperties().get("id").getType());
        assertEquals(List.of(SchemaType.STRING, SchemaType.NULL), action.getProperties().get("reason").getType());
    }

    @Test
    void anOptionalReferenceBecomesTheReferenceOrNullKeepingItsDescription() {
        Schema organisation = OASFactory.createSchema().addType(SchemaType.OBJECT).addProperty("rateLimits",
                OASFactory.createSchema().ref("#/components/schemas/RateLimits").addType(SchemaType.OBJECT)
                        .description("Null means the gateway's defaults"));
        filter.filterOpenAPI(document("Organisation", organisation));

        Schema rateLimits = organisation.getProperties().get("rateLimits");
        assertNull(rateLimits.getRef());
        assertNull(rateLimits.getType());
        assertEquals("Null means the gateway's defaults", rateLimits.getDescription());
        assertEquals(2, rateLimits.getAnyOf().size());
        assertEquals("#/components/schemas/RateLimits", rateLimits.getAnyOf().get(0).getRef());
        assertEquals(List.of(SchemaType.NULL), rateLimits.getAnyOf().get(1).getType());
    }

    @Test
    void nestedObjectsAndAnOptionalListAreCoveredOnceEach() {
        Schema where = OASFactory.createSchema().addType(SchemaType.OBJECT).addProperty("pointer", string());
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT).addProperty("pointer", string());
        Schema problem = OASFactory.createSchema().addType(SchemaType.OBJECT).addProperty("where", where)
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(fieldError));
        filter.filterOpenAPI(document("Problem", problem));
        filter.filterOpenAPI(document("Problem", problem));

        assertEquals(List.of(SchemaType.STRING, SchemaType.NULL), where.getProperties().get("pointer").getType());
        assertEquals(List.of(SchemaType.OBJECT, SchemaType.NULL), where.getType());
        Schema errors = problem.getProperties().get("errors");
        assertEquals(List.of(SchemaType.ARRAY, SchemaType.NULL), errors.getType());
        assertEquals(List.of(SchemaType.OBJECT), errors.getItems().getType(), "a list's items are never null");
        assertEquals(List.of(SchemaType.STRING, SchemaType.NULL), fieldError.getProperties().get("pointer").getType());
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    private static OpenAPI document(String name, Schema schema) {
        return OASFactory.createOpenAPI().components(OASFactory.createComponents().addSchema(name, schema));
    }
}
