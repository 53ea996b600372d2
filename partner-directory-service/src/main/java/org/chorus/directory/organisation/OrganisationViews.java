package org.chorus.directory.organisation;

import jakarta.enterprise.context.ApplicationScoped;

/** What callers see of an organisation: the one place its record is built from the row. */
@ApplicationScoped
public class OrganisationViews {

    public Organisation of(OrganisationEntity e) {
        return new Organisation(e.id, e.name, e.type, e.odsCode, e.website, e.contactEmail, e.placeCodes,
                e.allowedOrigins, e.rateLimits, e.active, e.createdAt, e.updatedAt, e.version);
    }
}
