package org.chorus.platform.web.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Says in the document what the API writes: a record's field without a value is written as null, not left out, so a
 * property its schema does not require may be null. Without this, a client or contract test that checks answers
 * against the document (Schemathesis, a JSON Schema validator, a strict generated client) refuses every answer with an
 * optional field unset. OpenAPI 3.1 says it with "null" among the property's types, or beside its reference.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class NullableOptionalProperties implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(NullableOptionalProperties::allowNullWhereOptional);
        }
    }

    /** Also within an inline object, of a property or of a list's items; the items themselves are never null. */
    private static void allowNullWhereOptional(Schema schema) {
        if (schema.getItems() != null) {
            allowNullWhereOptional(schema.getItems());
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        properties.forEach((name, property) -> {
            allowNullWhereOptional(property);
            if (!required.contains(name)) {
                allowNull(property);
            }
        });
    }

    private static void allowNull(Schema property) {
        if (property.getRef() != null) {
            // Beside a $ref, a type would narrow the referenced schema, never widen it: null must be an alternative.
            Schema referenced = OASFactory.createSchema().ref(property.getRef());
            property.setRef(null);
            property.setType(null);
            property.addAnyOf(referenced).addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
        } else if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
    }
}
