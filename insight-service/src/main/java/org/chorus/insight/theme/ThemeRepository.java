package org.chorus.insight.theme;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads the theme taxonomy and keeps proposals of new themes. */
@ApplicationScoped
public class ThemeRepository implements PanacheRepositoryBase<ThemeEntity, String> {

    public Set<String> codes() {
        return listAll().stream().map(t -> t.code).collect(Collectors.toSet());
    }

    public void replaceProposals(UUID findingId, List<ThemeProposalEntity> proposals) {
        getEntityManager().createQuery("delete from ThemeProposalEntity where findingId = :finding")
                .setParameter("finding", findingId).executeUpdate();
        addProposals(proposals);
    }

    public void addProposals(List<ThemeProposalEntity> proposals) {
        proposals.forEach(getEntityManager()::persist);
    }

    /** The proposed labels of each of these findings; findings without proposals are absent. */
    public Map<UUID, List<String>> proposalLabels(Collection<UUID> findingIds) {
        if (findingIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("from ThemeProposalEntity p where p.findingId in :findings order by p.label",
                ThemeProposalEntity.class)
                .setParameter("findings", findingIds).getResultStream()
                .collect(Collectors.groupingBy(p -> p.findingId, Collectors.mapping(p -> p.label, Collectors.toList())));
    }

    public List<ThemeProposal> proposals() {
        return getEntityManager().createQuery("""
                select new org.chorus.insight.theme.ThemeProposal(min(p.label), count(p), count(distinct p.organisationId),
                       min(p.proposedAt))
                from ThemeProposalEntity p group by p.normalised order by count(p) desc, p.normalised""",
                ThemeProposal.class).getResultList();
    }
}
