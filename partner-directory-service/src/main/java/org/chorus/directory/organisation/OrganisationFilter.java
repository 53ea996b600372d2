package org.chorus.directory.organisation;

/** Narrows a list of organisations; a null field does not filter. */
public record OrganisationFilter(OrganisationType type, String placeCode, Boolean active) {
}
