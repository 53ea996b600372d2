package org.chorus.insight.activity;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.chorus.insight.common.Tags;
import org.chorus.insight.finding.FindingService;
import org.chorus.insight.organisation.ActingOrganisation;
import org.chorus.insight.organisation.OrganisationReplicaRepository;
import org.chorus.platform.entity.OwnedEntity;
import org.chorus.platform.lock.NamedLocks;
import org.chorus.platform.web.ETags;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.caller.Scopes;
import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;
import org.hibernate.exception.ConstraintViolationException;

/** Records and corrects engagement activities; an organisation changes only its own. */
@ApplicationScoped
public class ActivityService {

    /** The unique index on an organisation's references. */
    private static final String REFERENCE_INDEX = "activity_reference";

    private final ActivityRepository activities;
    private final OrganisationReplicaRepository replicas;
    private final ActingOrganisation acting;
    private final ActivityViews views;
    private final NamedLocks locks;
    private final FindingService findings;

    public ActivityService(ActivityRepository activities, OrganisationReplicaRepository replicas,
            ActingOrganisation acting, ActivityViews views, NamedLocks locks, FindingService findings) {
        this.activities = activities;
        this.replicas = replicas;
        this.acting = acting;
        this.views = views;
        this.locks = locks;
        this.findings = findings;
    }

    @Transactional
    public Activity create(Caller caller, ActivityInput input) {
        ActivityEntity entity = new ActivityEntity();
        entity.startNew(acting.requireActive(caller));
        apply(input, entity, List.of());
        activities.persist(entity);
        flushNamingTheReference();
        return views.of(entity);
    }

    @Transactional
    public Activity update(Caller caller, UUID id, String ifMatch, ActivityInput input) {
        ActivityEntity entity = OwnedEntity.changeableBy(caller, activities.findForUpdate(id), "Activity", id);
        ETags.requireMatch(ifMatch, entity.version);
        acting.requireActive(caller);
        boolean heardElsewhere = changesWhereOrWhen(input, entity);
        apply(input, entity, findings.checkActivityParticipants(id, input.participantCount()));
        flushNamingTheReference();
        if (heardElsewhere) {
            findings.announceAgain(entity);
        }
        return views.of(entity);
    }

    @Transactional
    public Activity get(Caller caller, UUID id) {
        return activities.findByIdOptional(id)
                .filter(a -> caller.has(Scopes.INSIGHTS_READ) || caller.belongsTo(a.organisationId))
                .map(views::of)
                .orElseThrow(() -> ProblemException.notFound("Activity", id));
    }

    /** Readers see every organisation's activities; a key that may only write sees its own organisation's. */
    @Transactional
    public Page<Activity> list(Caller caller, ActivityFilter filter, int limit, String cursor) {
        ActivityFilter visible = caller.has(Scopes.INSIGHTS_READ) ? filter
                : new ActivityFilter(caller.organisationId(), filter.placeCode(), filter.method(),
                        filter.programmeArea(), filter.from(), filter.to());
        Cursor after = Cursor.decode(cursor);
        List<ActivityEntity> fetched = activities.search(visible, Cursor.dateOf(after),
                Cursor.idOf(after), limit + 1);
        return Page.of(fetched, limit, a -> new Cursor(a.startDate.toString(), a.id).encode())
                .map(views::of);
    }

    /**
     * Checks an input against the rules that need the partnership's knowledge and copies it onto the entity.
     *
     * @param alsoBroken rules the caller found broken, named with the others
     * @throws ProblemException 422 naming every broken rule
     */
    void apply(ActivityInput input, ActivityEntity entity, List<FieldError> alsoBroken) {
        List<FieldError> errors = ActivityRules.check(input, replicas.knownPlaceCodes());
        errors.addAll(alsoBroken);
        if (input.reference() != null) {
            locks.hold("activity-reference/" + entity.organisationId + "/" + input.reference().strip());
            activities.findByReference(entity.organisationId, input.reference().strip())
                    .filter(other -> !other.id.equals(entity.id))
                    .ifPresent(other -> errors.add(FieldError.body("/reference",
                            "already used by activity " + other.id + " of your organisation")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        copy(input, entity);
    }

    /**
     * Writes the activity. An upload, which checks references without {@link NamedLocks}, may store the same
     * reference meanwhile: that is the reference already used, as {@link #apply} says it, not a 500.
     */
    private void flushNamingTheReference() {
        try {
            activities.flush();
        } catch (PersistenceException e) {
            if (!violatesReferenceIndex(e)) {
                throw e;
            }
            throw ProblemException.invalid(List.of(FieldError.body("/reference",
                    "already used by another activity of your organisation")));
        }
    }

    private static boolean violatesReferenceIndex(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && REFERENCE_INDEX.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stores an input its caller has already checked, as uploads do: every row is judged first, then stored.
     *
     * @param existing the activity to correct, or null to record a new one
     */
    public ActivityEntity storeChecked(UUID organisationId, ActivityEntity existing, ActivityInput input) {
        ActivityEntity entity = existing;
        if (entity == null) {
            entity = new ActivityEntity();
            entity.startNew(organisationId);
            copy(input, entity);
            activities.persist(entity);
        } else {
            copy(input, entity);
        }
        return entity;
    }

    /** Whether storing the input would leave the activity as it is (what a re-upload of an unchanged row does). */
    public static boolean unchangedBy(ActivityInput input, ActivityEntity stored) {
        ActivityEntity wouldBe = new ActivityEntity();
        copy(input, wouldBe);
        return Objects.equals(wouldBe.reference, stored.reference) && wouldBe.title.equals(stored.title)
                && wouldBe.method == stored.method && wouldBe.startDate.equals(stored.startDate)
                && wouldBe.endDate.equals(stored.endDate) && wouldBe.placeCodes.equals(stored.placeCodes)
                && wouldBe.participantCount == stored.participantCount
                && wouldBe.groupsReached.equals(stored.groupsReached)
                && wouldBe.stakeholderGroup == stored.stakeholderGroup && wouldBe.ladderRung == stored.ladderRung
                && wouldBe.programmeArea == stored.programmeArea;
    }

    /**
     * Whether storing the input would change where or when people were heard, which a published finding's event
     * carries of its activity: consumers must then be told its findings again, or keep the old places and date.
     */
    public static boolean changesWhereOrWhen(ActivityInput input, ActivityEntity stored) {
        ActivityEntity wouldBe = new ActivityEntity();
        copy(input, wouldBe);
        return !wouldBe.placeCodes.equals(stored.placeCodes) || !wouldBe.startDate.equals(stored.startDate);
    }

    /** Copies an already checked input onto the entity. */
    static void copy(ActivityInput input, ActivityEntity entity) {
        entity.reference = input.reference() == null || input.reference().isBlank() ? null : input.reference().strip();
        entity.title = input.title().strip();
        entity.method = input.method();
        entity.startDate = input.startDate();
        entity.endDate = input.endDateOrStart();
        entity.placeCodes = input.placeCodes().stream().map(String::strip).distinct().toList();
        entity.participantCount = input.participantCount();
        entity.groupsReached = Tags.normalise(input.groupsReached());
        entity.stakeholderGroup = input.stakeholderGroupOrDefault();
        entity.ladderRung = input.ladderRung();
        entity.programmeArea = input.programmeArea();
        entity.markChanged();
    }
}
