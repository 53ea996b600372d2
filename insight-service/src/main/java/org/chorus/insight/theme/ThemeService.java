package org.chorus.insight.theme;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.insight.common.Tags;
import org.chorus.platform.time.StoredTime;

/** The taxonomy findings are classified by, and the proposals that may grow it. */
@ApplicationScoped
public class ThemeService {

    private final ThemeRepository themes;

    public ThemeService(ThemeRepository themes) {
        this.themes = themes;
    }

    @Transactional
    public List<Theme> list() {
        return themes.listAll(io.quarkus.panache.common.Sort.by("label")).stream()
                .map(t -> new Theme(t.code, t.label, t.description)).toList();
    }

    @Transactional
    public List<ThemeProposal> proposals() {
        return themes.proposals();
    }

    /** Every theme's label by its code, for reading themes as people write them. */
    @Transactional
    public Map<String, String> labelsByCode() {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        list().forEach(theme -> labels.put(theme.code(), theme.label()));
        return labels;
    }

    @Transactional
    public Set<String> codes() {
        return themes.codes();
    }

    /** Records the proposals of one finding, replacing any it made before. */
    @Transactional
    public void propose(UUID findingId, UUID organisationId, List<String> labels) {
        themes.replaceProposals(findingId, proposals(findingId, organisationId, labels));
    }

    /** Records the proposals of a finding being created: it has none to replace, so nothing is deleted first. */
    @Transactional
    public void proposeForNew(UUID findingId, UUID organisationId, List<String> labels) {
        themes.addProposals(proposals(findingId, organisationId, labels));
    }

    private static List<ThemeProposalEntity> proposals(UUID findingId, UUID organisationId, List<String> labels) {
        List<ThemeProposalEntity> proposals = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String label : labels == null ? List.<String>of() : labels) {
            String normalised = Tags.normalise(label);
            if (normalised.isEmpty() || seen.contains(normalised)) {
                continue;
            }
            seen.add(normalised);
            ThemeProposalEntity proposal = new ThemeProposalEntity();
            proposal.id = UUID.randomUUID();
            proposal.label = label.strip().replaceAll("\\s+", " ");
            proposal.normalised = normalised;
            proposal.organisationId = organisationId;
            proposal.findingId = findingId;
            proposal.proposedAt = StoredTime.now();
            proposals.add(proposal);
        }
        return proposals;
    }

    @Transactional
    public Map<UUID, List<String>> proposedFor(Collection<UUID> findingIds) {
        return themes.proposalLabels(findingIds);
    }
}
