package org.chorus.insight.upload;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chorus.insight.activity.ActivityEntity;
import org.chorus.insight.finding.FindingEntity;

/**
 * What is stored of the activities a chunk of rows names, read for the whole chunk at once: the activities by
 * reference, their uploaded findings in file order, the findings added to them through the API, and the uploaded
 * findings' proposed themes. Read row by row, these were three queries a row, and most of the time a corrected file
 * took.
 *
 * @param byReference the activities, by stripped reference
 * @param findings each activity's uploaded findings, by activity id, in the order of the file
 * @param added each activity's findings added through the API, by activity id: a file does not hold them, but a
 *        correction of their activity must keep their rules and announce them again as the API's does
 * @param proposals each uploaded finding's proposed theme labels, by finding id
 */
record StoredActivities(Map<String, ActivityEntity> byReference, Map<UUID, List<FindingEntity>> findings,
        Map<UUID, List<FindingEntity>> added, Map<UUID, List<String>> proposals) {

    /** Nothing stored: a file of new activities. */
    static final StoredActivities NONE = new StoredActivities(Map.of(), Map.of(), Map.of(), Map.of());

    ActivityEntity named(String reference) {
        return byReference.get(reference.strip());
    }

    List<FindingEntity> findingsOf(ActivityEntity activity) {
        return activity == null ? List.of() : findings.getOrDefault(activity.id, List.of());
    }

    List<FindingEntity> addedTo(ActivityEntity activity) {
        return activity == null ? List.of() : added.getOrDefault(activity.id, List.of());
    }

    List<String> proposalsOf(FindingEntity finding) {
        return proposals.getOrDefault(finding.id, List.of());
    }
}
