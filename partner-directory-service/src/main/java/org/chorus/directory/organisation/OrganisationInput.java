package org.chorus.directory.organisation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an administrator sends to register or update an organisation. */
@Schema(name = "OrganisationInput")
public record OrganisationInput(
        @NotBlank @Size(max = 200) @Schema(examples = "Healthwatch Blackpool") String name,
        @NotNull OrganisationType type,
        @Pattern(regexp = "[A-Z0-9]{3,6}", message = "must be an NHS ODS code: 3 to 6 capital letters or digits, e.g. QE1")
        @Schema(examples = "QE1") String odsCode,
        @Size(max = 300) @Schema(examples = "https://healthwatch-blackpool.example") String website,
        @Email @Size(max = 254) @Schema(examples = "enquiries@healthwatch-blackpool.example") String contactEmail,
        @Size(max = 50) List<@NotBlank String> placeCodes,
        @Size(max = 20) List<@NotBlank String> allowedOrigins,
        @Valid @Schema(description = "Its own rate limits for its publishable keys; left out, the gateway's defaults. "
                + "An update replaces them too: send them again to keep them.") RateLimits rateLimits) {

    public List<String> placeCodesOrEmpty() {
        return placeCodes == null ? List.of() : placeCodes;
    }

    public List<String> allowedOriginsOrEmpty() {
        return allowedOrigins == null ? List.of() : allowedOrigins;
    }
}
