package org.chorus.insight.action;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.insight.finding.Audience;
import org.chorus.insight.finding.FindingEntity;
import org.chorus.insight.finding.FindingRepository;
import org.chorus.platform.web.caller.Caller;

/**
 * What a caller sees of an action: only the answered findings it may see, so that a website shows an action next to
 * published findings and never names a draft one.
 */
@ApplicationScoped
public class ActionViews {

    private final FindingRepository findings;

    public ActionViews(FindingRepository findings) {
        this.findings = findings;
    }

    public Action of(Caller caller, ActionEntity a) {
        Set<UUID> visible = findingsVisibleTo(caller, a.findingIds);
        List<UUID> findingIds = a.findingIds.stream().filter(visible::contains).toList();
        return new Action(a.id, a.organisationId, a.title, a.decision, findingIds, a.status, a.reason, a.decidedOn,
                a.dueOn, a.completedOn, a.published, a.publishedAt, a.createdAt, a.updatedAt, a.version);
    }

    /** Of {@code ids}, those of findings the caller may see. */
    Set<UUID> findingsVisibleTo(Caller caller, List<UUID> ids) {
        return visibleTo(caller, ids.isEmpty() ? List.of() : findings.list("id in ?1", ids));
    }

    /**
     * The same, each finding held from changing until the action is stored: an upload that drops a finding from its
     * file locks it before asking whether an action answers it, so it waits for the action and then sees it.
     */
    Set<UUID> findingsVisibleAndHeld(Caller caller, List<UUID> ids) {
        return visibleTo(caller, ids.isEmpty() ? List.of() : findings.listForShare(ids));
    }

    private static Set<UUID> visibleTo(Caller caller, List<FindingEntity> found) {
        Audience audience = Audience.of(caller);
        return found.stream().filter(f -> audience.sees(f.published, f.organisationId)).map(f -> f.id)
                .collect(Collectors.toSet());
    }
}
