package org.chorus.directory.organisation;

import java.util.UUID;

/** Fired inside the deactivating transaction so that other features (its keys) follow in the same commit. */
public record OrganisationDeactivated(UUID organisationId) {
}
