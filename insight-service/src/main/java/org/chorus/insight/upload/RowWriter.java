package org.chorus.insight.upload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.insight.action.ActionRepository;
import org.chorus.insight.activity.ActivityEntity;
import org.chorus.insight.activity.ActivityRepository;
import org.chorus.insight.activity.ActivityService;
import org.chorus.insight.finding.FindingEntity;
import org.chorus.insight.finding.FindingInput;
import org.chorus.insight.finding.FindingRepository;
import org.chorus.insight.finding.FindingService;
import org.chorus.insight.theme.ThemeService;

/**
 * Stores a valid row inside the caller's transaction. The organisation's reference finds the activity a re-upload
 * corrects; its findings are matched by position in the row, so corrected findings keep their ids (and any "you
 * said, we did" action pointing at them). Findings added to the activity through the API are not in the file, but a
 * correction keeps their rules and announces them again, as a correction through the API does.
 */
@ApplicationScoped
class RowWriter {

    private final ActivityRepository activities;
    private final ActivityService activityService;
    private final FindingRepository findings;
    private final FindingService findingService;
    private final ActionRepository actions;
    private final ThemeService themes;

    RowWriter(ActivityRepository activities, ActivityService activityService, FindingRepository findings,
            FindingService findingService, ActionRepository actions, ThemeService themes) {
        this.actions = actions;
        this.themes = themes;
        this.activities = activities;
        this.activityService = activityService;
        this.findings = findings;
        this.findingService = findingService;
    }

    /**
     * What is stored of the activities these rows correct, in a few queries for many rows: queries per row cost most
     * of a corrected file's time, and each also made Hibernate check every row stored so far in the transaction.
     *
     * @param toStore whether the rows are about to be stored: the activities they change are then locked first
     */
    StoredActivities existing(UUID organisationId, List<ParsedRow> rows, boolean toStore) {
        Map<String, ActivityEntity> byReference = activities.findByReferences(organisationId, rows.stream()
                .map(ParsedRow::reference).filter(Objects::nonNull).map(String::strip).collect(Collectors.toSet()));
        if (byReference.isEmpty()) {
            return StoredActivities.NONE;
        }
        if (toStore) {
            byReference = lockingThoseChanged(byReference, rows);
        }
        Map<UUID, List<FindingEntity>> uploaded = new HashMap<>();
        Map<UUID, List<FindingEntity>> added = new HashMap<>();
        findings.findOfActivities(byReference.values().stream().map(a -> a.id).toList()).forEach((activity, found) -> {
            uploaded.put(activity, found.stream().filter(f -> f.uploadPosition != null).toList());
            added.put(activity, found.stream().filter(f -> f.uploadPosition == null).toList());
        });
        Map<UUID, List<String>> proposals = themes.proposedFor(
                uploaded.values().stream().flatMap(List::stream).map(f -> f.id).toList());
        return new StoredActivities(byReference, uploaded, added, proposals);
    }

    /**
     * The activities, those the rows change read again under a lock held until the chunk commits, before their
     * findings are read. A finding recorded or published through the API holds its activity ({@code FOR SHARE}) until
     * it commits: it is then either read here and checked against the row, or waits and sees the correction. An
     * unchanged row locks nothing, so re-sending a file takes no lock on what it leaves as it was.
     */
    private Map<String, ActivityEntity> lockingThoseChanged(Map<String, ActivityEntity> byReference,
            List<ParsedRow> rows) {
        List<ActivityEntity> changed = rows.stream()
                .filter(row -> row.valid() && row.reference() != null)
                .filter(row -> {
                    ActivityEntity stored = byReference.get(row.reference().strip());
                    return stored != null && !ActivityService.unchangedBy(row.activity(), stored);
                })
                .map(row -> byReference.get(row.reference().strip()))
                .distinct().toList();
        if (changed.isEmpty()) {
            return byReference;
        }
        changed.forEach(activities.getEntityManager()::detach);
        Map<String, ActivityEntity> held = new HashMap<>(byReference);
        changed.forEach(stale -> held.remove(stale.reference));
        activities.listForUpdate(changed.stream().map(a -> a.id).toList())
                .forEach(locked -> held.put(locked.reference, locked));
        return held;
    }

    /** Writes what the session holds and lets it forget: entities read before are not to be changed after this. */
    void release() {
        activities.flush();
        activities.getEntityManager().clear();
    }

    /**
     * @param toStore whether the row is about to be stored: a finding it drops is then locked before the question
     *        whether an action answers it (a file being judged locks nothing, so that it holds up nobody meanwhile)
     * @return why the row cannot replace what is stored, or empty when it can
     */
    List<String> conflicts(StoredActivities stored, ActivityEntity existing, ParsedRow row, boolean toStore) {
        List<String> reasons = new ArrayList<>();
        List<FindingEntity> found = stored.findingsOf(existing);
        for (int i = row.findings().size(); i < found.size(); i++) {
            if (found.get(i).published) {
                reasons.add("finding " + (i + 1) + " is published and this file no longer has it; withdraw it "
                        + "before removing it from the file");
            } else if (answered(found.get(i), toStore)) {
                reasons.add("finding " + (i + 1) + " is answered by a \"you said, we did\" action and this file "
                        + "no longer has it; keep it in the file");
            }
        }
        Integer participants = row.activity().participantCount();
        stored.addedTo(existing).stream()
                .filter(f -> participants != null && f.participantCount != null && f.participantCount > participants)
                .max(Comparator.comparing((FindingEntity f) -> f.participantCount))
                .ifPresent(f -> reasons.add("a participant count of " + participants + " is fewer than the "
                        + f.participantCount + " participants of finding " + f.id + ", which was added to this "
                        + "activity through the API"));
        return reasons;
    }

    /**
     * Whether an action answers the finding, asked with the finding locked: an action being recorded holds the
     * findings it answers until it commits, so it is seen here, or it waits and finds the finding gone.
     */
    private boolean answered(FindingEntity finding, boolean toStore) {
        if (toStore) {
            findings.findForUpdate(finding.id);
        }
        return actions.answers(finding.id);
    }

    RowResult write(UUID organisationId, StoredActivities storedActivities, ActivityEntity existing, ParsedRow row) {
        // the stored findings are compared, then corrected in place
        List<FindingEntity> stored = storedActivities.findingsOf(existing);
        if (existing != null && unchanged(existing, stored, storedActivities, row)) {
            return new RowResult(row.row(), row.rows(), row.reference(), RowStatus.UNCHANGED, existing.id,
                    stored.stream().map(f -> f.id).toList(), List.of());
        }
        boolean heardElsewhere = existing != null && ActivityService.changesWhereOrWhen(row.activity(), existing);
        ActivityEntity activity = activityService.storeChecked(organisationId, existing, row.activity());
        if (heardElsewhere) {
            // what a published finding's event carries of its activity; the file's own are announced as stored
            findingService.announceAgain(activity, storedActivities.addedTo(activity));
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < row.findings().size(); i++) {
            FindingEntity entity = i < stored.size() ? stored.get(i) : newFinding(organisationId);
            findingService.store(entity, withActivity(row.findings().get(i), activity.id), activity, i);
            ids.add(entity.id);
        }
        for (int i = row.findings().size(); i < stored.size(); i++) {
            findingService.deleteUnpublished(stored.get(i));
        }
        RowStatus status = existing == null ? RowStatus.ACCEPTED : RowStatus.UPDATED;
        return new RowResult(row.row(), row.rows(), row.reference(), status, activity.id, ids, List.of());
    }

    /** Same activity, and the same findings in the same order: storing it would change nothing. */
    private static boolean unchanged(ActivityEntity existing, List<FindingEntity> stored,
            StoredActivities storedActivities, ParsedRow row) {
        if (!ActivityService.unchangedBy(row.activity(), existing) || stored.size() != row.findings().size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            FindingEntity finding = stored.get(i);
            if (!FindingService.unchangedBy(row.findings().get(i), finding, storedActivities.proposalsOf(finding))) {
                return false;
            }
        }
        return true;
    }

    private static FindingEntity newFinding(UUID organisationId) {
        FindingEntity entity = new FindingEntity();
        entity.startNew(organisationId);
        return entity;
    }

    private static FindingInput withActivity(FindingInput f, UUID activityId) {
        return new FindingInput(activityId, f.statement(), f.themes(), f.proposedThemes(), f.sentiment(),
                f.participantCount(), f.quotes());
    }
}
