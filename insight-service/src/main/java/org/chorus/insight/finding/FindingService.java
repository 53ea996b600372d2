package org.chorus.insight.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.insight.activity.ActivityEntity;
import org.chorus.insight.activity.ActivityRepository;
import org.chorus.insight.common.Tags;
import org.chorus.insight.organisation.ActingOrganisation;
import org.chorus.insight.theme.ThemeService;
import org.chorus.platform.entity.OwnedEntity;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.events.contract.FindingData;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.web.ETags;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

/**
 * Records, corrects, publishes and withdraws findings. Publication is announced on {@code insight.findings}; a
 * correction of a published finding is announced again, so that consumers never keep a stale classification.
 */
@ApplicationScoped
public class FindingService {

    private final FindingRepository findings;
    private final ActivityRepository activities;
    private final ThemeService themes;
    private final ActingOrganisation acting;
    private final FindingViews views;
    private final Outbox outbox;

    public FindingService(FindingRepository findings, ActivityRepository activities, ThemeService themes,
            ActingOrganisation acting, FindingViews views, Outbox outbox) {
        this.findings = findings;
        this.activities = activities;
        this.themes = themes;
        this.acting = acting;
        this.views = views;
        this.outbox = outbox;
    }

    @Transactional
    public Finding create(Caller caller, FindingInput input) {
        FindingEntity entity = new FindingEntity();
        entity.startNew(acting.requireActive(caller));
        ActivityEntity activity = ownActivity(caller, input.activityId());
        requireValid(check(input, activity));
        store(entity, input, activity, null);
        return views.of(entity);
    }

    @Transactional
    public Finding update(Caller caller, UUID id, String ifMatch, FindingInput input) {
        // the activity is held before the finding is locked, the order in which an upload correcting both locks them
        activities.findForShare(input.activityId());
        FindingEntity entity = ownedForUpdate(caller, id);
        ETags.requireMatch(ifMatch, entity.version);
        acting.requireActive(caller);
        ActivityEntity activity = ownActivity(caller, input.activityId());
        requireValid(check(input, activity));
        store(entity, input, activity, entity.uploadPosition);
        return views.of(entity);
    }

    @Transactional
    public Finding publish(Caller caller, UUID id) {
        return setPublished(caller, id, true);
    }

    @Transactional
    public Finding withdraw(Caller caller, UUID id) {
        return setPublished(caller, id, false);
    }

    private List<FieldError> check(FindingInput input, ActivityEntity activity) {
        return FindingRules.check(input, activity.participantCount, themes.labelsByCode());
    }

    /** Removes a finding no longer in an uploaded file; only unpublished ones, which nobody outside has seen. */
    public void deleteUnpublished(FindingEntity entity) {
        if (entity.published) {
            throw new IllegalStateException("a published finding is withdrawn, never deleted");
        }
        themes.propose(entity.id, entity.organisationId, List.of());
        findings.delete(entity);
    }

    /**
     * Whether storing the input would leave the finding as it is, proposals included (what a re-upload of an
     * unchanged row does).
     */
    public static boolean unchangedBy(FindingInput input, FindingEntity stored, List<String> storedProposals) {
        return input.statement().strip().equals(stored.statement)
                && themeCodes(input).equals(stored.themeCodes)
                && input.sentiment() == stored.sentiment
                && Objects.equals(input.participantCount(), stored.participantCount)
                && quotes(input).equals(stored.quotes)
                && proposals(input.proposedThemes()).equals(proposals(storedProposals));
    }

    private static List<String> themeCodes(FindingInput input) {
        return input.themesOrEmpty().stream().map(String::strip).distinct().toList();
    }

    private static List<String> quotes(FindingInput input) {
        return input.quotesOrEmpty().stream().map(String::strip).toList();
    }

    private static Set<String> proposals(List<String> labels) {
        return labels == null ? Set.of() : labels.stream().map(Tags::normalise).collect(Collectors.toSet());
    }

    /** Stores an already checked finding, with its proposed themes; announces it again if it is published. */
    public void store(FindingEntity entity, FindingInput input, ActivityEntity activity, Integer uploadPosition) {
        boolean isNew = entity.activityId == null;
        entity.activityId = activity.id;
        entity.statement = input.statement().strip();
        entity.themeCodes = themeCodes(input);
        entity.sentiment = input.sentiment();
        entity.participantCount = input.participantCount();
        entity.quotes = quotes(input);
        entity.quotesText = String.join("\n", entity.quotes);
        entity.uploadPosition = uploadPosition;
        entity.markChanged();
        if (isNew) {
            // no flush: an upload stores hundreds of rows in a transaction, and each flush checks all of them
            findings.persist(entity);
            themes.proposeForNew(entity.id, entity.organisationId, input.proposedThemes());
        } else {
            findings.flush(); // the new version, which the answer's ETag gives
            themes.propose(entity.id, entity.organisationId, input.proposedThemes());
        }
        if (entity.published) {
            announce(ChorusEventTypes.FINDING_PUBLISHED, entity, activity);
        }
    }

    /**
     * Announces each published finding of a corrected activity again, as {@link #store} announces a corrected
     * finding: their events carry the activity's places and start date.
     */
    public void announceAgain(ActivityEntity activity) {
        announceAgain(activity, findings.list("activityId = ?1 and published = true order by id", activity.id));
    }

    /** Announces again those of the activity's findings given that are published. */
    public void announceAgain(ActivityEntity activity, List<FindingEntity> ofActivity) {
        for (FindingEntity finding : ofActivity) {
            if (finding.published) {
                announce(ChorusEventTypes.FINDING_PUBLISHED, finding, activity);
            }
        }
    }

    /**
     * The rule {@link FindingRules} keeps when a finding is stored, kept when its activity is corrected: no finding
     * heard more people than its activity did.
     *
     * @return the broken rule naming the finding that heard the most, or none
     */
    public List<FieldError> checkActivityParticipants(UUID activityId, int participantCount) {
        return findings.find("activityId = ?1 and participantCount > ?2 order by participantCount desc, id",
                        activityId, participantCount)
                .firstResultOptional()
                .map(f -> FieldError.body("/participantCount", "must be at least the " + f.participantCount
                        + " participants of its finding " + f.id))
                .stream().toList();
    }

    /**
     * The activity is held ({@code FOR SHARE}) before the finding, the order a correction takes them: the event carries
     * the activity's places and date, and a correction committing meanwhile would announce again the findings it saw
     * published, not this one.
     */
    private Finding setPublished(Caller caller, UUID id, boolean published) {
        findings.activityOf(id).ifPresent(activities::findForShare);
        FindingEntity entity = ownedForUpdate(caller, id);
        if (entity.markPublished(published)) {
            findings.flush();
            announce(published ? ChorusEventTypes.FINDING_PUBLISHED : ChorusEventTypes.FINDING_WITHDRAWN, entity,
                    activities.findById(entity.activityId));
        }
        return views.of(entity);
    }

    private void announce(EventType<FindingData> type, FindingEntity f, ActivityEntity a) {
        outbox.record(type, f.id, new FindingData(f.id, f.activityId, f.organisationId, f.themeCodes,
                f.sentiment.name(), f.participantCount == null ? 0 : f.participantCount, a.placeCodes, a.startDate,
                f.published));
    }

    private FindingEntity ownedForUpdate(Caller caller, UUID id) {
        return OwnedEntity.changeableBy(caller, findings.findForUpdate(id), "Finding", id);
    }

    /**
     * The finding's activity, held from changing until the finding is stored: a correction of the activity that
     * counts fewer people than the finding heard waits for it and then sees it, or has committed and is seen.
     */
    private ActivityEntity ownActivity(Caller caller, UUID activityId) {
        ActivityEntity activity = activities.findForShare(activityId).orElseThrow(
                () -> ProblemException.invalidField("/activityId", "no activity has this id"));
        if (!caller.belongsTo(activity.organisationId)) {
            throw ProblemException.invalidField("/activityId",
                    "is another organisation's activity: a finding belongs to an activity of its own organisation");
        }
        return activity;
    }

    private static void requireValid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(new ArrayList<>(errors));
        }
    }
}
