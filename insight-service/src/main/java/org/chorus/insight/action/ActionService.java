package org.chorus.insight.action;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.insight.finding.Audience;
import org.chorus.insight.organisation.ActingOrganisation;
import org.chorus.platform.events.ChorusEventTypes;
import org.chorus.platform.events.EventType;
import org.chorus.platform.entity.OwnedEntity;
import org.chorus.platform.events.contract.ActionData;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.web.ETags;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.problem.FieldError;
import org.chorus.platform.web.problem.ProblemException;

/**
 * Records what was decided in answer to findings. Publishing announces ActionPublished; a status change of a
 * published action announces ActionStatusChanged, so partner websites can follow it to done.
 */
@ApplicationScoped
public class ActionService {

    private final ActionRepository actions;
    private final ActionViews views;
    private final ActingOrganisation acting;
    private final Outbox outbox;

    public ActionService(ActionRepository actions, ActionViews views, ActingOrganisation acting, Outbox outbox) {
        this.actions = actions;
        this.views = views;
        this.acting = acting;
        this.outbox = outbox;
    }

    @Transactional
    public Action create(Caller caller, ActionInput input) {
        ActionEntity entity = new ActionEntity();
        entity.startNew(acting.requireActive(caller));
        apply(caller, input, entity);
        actions.persist(entity);
        actions.flush();
        return views.of(caller, entity);
    }

    @Transactional
    public Action update(Caller caller, UUID id, String ifMatch, ActionInput input) {
        ActionEntity entity = ownedForUpdate(caller, id);
        ETags.requireMatch(ifMatch, entity.version);
        acting.requireActive(caller);
        ActionStatus before = entity.status;
        apply(caller, input, entity);
        actions.flush();
        if (entity.published && before != entity.status) {
            announce(ChorusEventTypes.ACTION_STATUS_CHANGED, entity);
        }
        return views.of(caller, entity);
    }

    @Transactional
    public Action publish(Caller caller, UUID id) {
        ActionEntity entity = ownedForUpdate(caller, id);
        if (entity.markPublished(true)) {
            actions.flush();
            announce(ChorusEventTypes.ACTION_PUBLISHED, entity);
        }
        return views.of(caller, entity);
    }

    @Transactional
    public Action get(Caller caller, UUID id) {
        return views.of(caller, Audience.of(caller).visible(actions.findByIdOptional(id), "Action", id));
    }

    @Transactional
    public Page<Action> list(Caller caller, UUID findingId, UUID organisationId, ActionStatus status, int limit,
            String cursor) {
        Cursor after = Cursor.decode(cursor);
        LocalDate afterDate = Cursor.dateOf(after); // a tampered cursor is refused whatever the finding
        // a finding the caller may not see answers as an unknown one, an empty page: its actions would betray it
        boolean hidden = findingId != null && views.findingsVisibleTo(caller, List.of(findingId)).isEmpty();
        List<ActionEntity> fetched = hidden ? List.of() : actions.search(findingId, organisationId, status,
                Audience.of(caller), afterDate, Cursor.idOf(after), limit + 1);
        return Page.of(fetched, limit, a -> new Cursor(a.decidedOn.toString(), a.id).encode())
                .map(a -> views.of(caller, a));
    }

    private void apply(Caller caller, ActionInput input, ActionEntity entity) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> visible = views.findingsVisibleAndHeld(caller, input.findingIds());
        for (int i = 0; i < input.findingIds().size(); i++) {
            if (!visible.contains(input.findingIds().get(i))) {
                errors.add(FieldError.body("/findingIds/" + i, "no finding you can see has this id"));
            }
        }
        if (input.status() == ActionStatus.NOT_TAKEN_FORWARD && (input.reason() == null || input.reason().isBlank())) {
            errors.add(FieldError.body("/reason", "is required when the action is not taken forward: say why"));
        }
        if (input.completedOn() != null && input.completedOn().isBefore(input.decidedOn())) {
            errors.add(FieldError.body("/completedOn", "must not be before the decision"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        entity.title = input.title().strip();
        entity.decision = input.decision().strip();
        entity.findingIds = List.copyOf(new LinkedHashSet<>(input.findingIds()));
        entity.status = input.status();
        entity.reason = input.reason() == null || input.reason().isBlank() ? null : input.reason().strip();
        entity.decidedOn = input.decidedOn();
        entity.dueOn = input.dueOn();
        entity.completedOn = input.completedOn();
        entity.markChanged();
    }

    private void announce(EventType<ActionData> type, ActionEntity a) {
        outbox.record(type, a.id, new ActionData(a.id, a.organisationId, a.findingIds, a.status.name(), a.decidedOn,
                a.published));
    }

    private ActionEntity ownedForUpdate(Caller caller, UUID id) {
        return OwnedEntity.changeableBy(caller, actions.findForUpdate(id), "Action", id);
    }
}
