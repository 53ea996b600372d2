package org.chorus.insight.finding;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.insight.activity.ActivityEntity;
import org.chorus.insight.activity.ActivityRepository;
import org.chorus.insight.theme.ThemeService;

/** Turns finding rows into what callers see, loading their activities and proposals in one query each. */
@ApplicationScoped
public class FindingViews {

    private final ActivityRepository activities;
    private final ThemeService themes;

    public FindingViews(ActivityRepository activities, ThemeService themes) {
        this.activities = activities;
        this.themes = themes;
    }

    public List<Finding> of(List<FindingEntity> findings) {
        if (findings.isEmpty()) {
            return List.of();
        }
        List<UUID> activityIds = findings.stream().map(f -> f.activityId).distinct().toList();
        Map<UUID, ActivityEntity> byId = activities.list("id in ?1", activityIds).stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
        Map<UUID, List<String>> proposals = themes.proposedFor(findings.stream().map(f -> f.id).toList());
        return findings.stream()
                .map(f -> of(f, byId.get(f.activityId), proposals.getOrDefault(f.id, List.of())))
                .toList();
    }

    public Finding of(FindingEntity finding) {
        return of(List.of(finding)).get(0);
    }

    private static Finding of(FindingEntity f, ActivityEntity a, List<String> proposed) {
        return new Finding(f.id, f.activityId, f.organisationId, f.statement, f.themeCodes, proposed, f.sentiment,
                f.participantCount, f.quotes, f.published, f.publishedAt, a.startDate, a.placeCodes, a.method,
                a.programmeArea, f.createdAt, f.updatedAt, f.version);
    }
}
