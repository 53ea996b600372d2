package org.chorus.insight.upload;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organisation's names for the template's columns, used by every later CSV or XLSX upload of its own. */
public record ColumnMapping(
        @NotNull @Size(max = 100) @Schema(description = "Their column name to the template's column name",
                examples = "{\"Date of event\": \"start_date\", \"Where\": \"place_codes\", \"What we heard\": "
                        + "\"finding_statement\"}") Map<String, String> columns,
        @Schema(description = "Changes with every update; the ETag names it", readOnly = true) long version) {

    static final ColumnMapping NONE = new ColumnMapping(Map.of(), 0);
}
