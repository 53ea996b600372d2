package org.chorus.insight.reach;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.insight.organisation.OrganisationReplicaRepository;
import org.chorus.insight.reach.ReachQueries.Period;
import org.chorus.insight.reach.ReachSummary.ChannelReach;
import org.chorus.insight.reach.ReachSummary.GroupReach;
import org.chorus.insight.reach.ReachSummary.MethodReach;
import org.chorus.platform.web.input.QueryRanges;

/** Summarises who was heard, where and how, and shows where nobody was. */
@ApplicationScoped
public class ReachService {

    private final ReachQueries queries;
    private final OrganisationReplicaRepository replicas;

    public ReachService(ReachQueries queries, OrganisationReplicaRepository replicas) {
        this.queries = queries;
        this.replicas = replicas;
    }

    @Transactional
    public ReachSummary summarise(String placeCode, LocalDate from, LocalDate to) {
        QueryRanges.notBefore("to", to, "from", from);
        Period period = new Period(placeCode == null || placeCode.isBlank() ? null : placeCode.strip(), from, to);
        List<MethodReach> byMethod = queries.byMethod(period);
        List<GroupReach> groups = queries.groups(period);
        List<ChannelReach> channels = queries.responsesByChannel(period);
        Set<String> placesWithout = new TreeSet<>(replicas.knownPlaceCodes());
        placesWithout.removeAll(queries.placesEngaged(period));
        Set<String> groupsWithout = queries.groupsEverReached();
        groups.forEach(g -> groupsWithout.remove(g.group()));
        return new ReachSummary(period.placeCode(), from, to,
                byMethod.stream().mapToLong(MethodReach::activities).sum(),
                byMethod.stream().mapToLong(MethodReach::participants).sum(),
                byMethod, groups, queries.topThemes(period),
                channels.stream().mapToLong(ChannelReach::responses).sum(), channels,
                List.copyOf(placesWithout), List.copyOf(groupsWithout));
    }
}
