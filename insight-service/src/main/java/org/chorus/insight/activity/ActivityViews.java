package org.chorus.insight.activity;

import jakarta.enterprise.context.ApplicationScoped;

/** What callers see of an engagement activity: the one place its record is built from the row. */
@ApplicationScoped
public class ActivityViews {

    public Activity of(ActivityEntity e) {
        return new Activity(e.id, e.organisationId, e.reference, e.title, e.method, e.startDate, e.endDate,
                e.placeCodes, e.participantCount, e.groupsReached, e.stakeholderGroup, e.ladderRung, e.programmeArea,
                e.createdAt, e.updatedAt, e.version);
    }
}
