package org.chorus.insight.finding;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.insight.theme.ThemeService;
import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.input.Vocabulary;
import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.problem.ProblemException;

/** Reads and searches findings, showing each caller only what its {@link Audience} may see. */
@ApplicationScoped
public class FindingQueries {

    private final FindingRepository findings;
    private final FindingViews views;
    private final ThemeService themes;

    public FindingQueries(FindingRepository findings, FindingViews views, ThemeService themes) {
        this.findings = findings;
        this.views = views;
        this.themes = themes;
    }

    /** @throws ProblemException 404 also when the finding exists but the caller may not see it */
    @Transactional
    public Finding get(Caller caller, UUID id) {
        return views.of(Audience.of(caller).visible(findings.findByIdOptional(id), "Finding", id));
    }

    /** @throws ProblemException 400 for a theme that is not in the taxonomy, which would find nothing unremarked */
    @Transactional
    public Page<Finding> search(Caller caller, FindingFilter filter, int limit, String cursor) {
        requireKnownTheme(filter.theme());
        Cursor after = Cursor.decode(cursor);
        List<FindingEntity> fetched = findings.search(filter, Audience.of(caller),
                Cursor.dateOf(after), Cursor.idOf(after), limit + 1);
        return Page.of(views.of(fetched), limit, f -> new Cursor(f.heardOn().toString(), f.id()).encode());
    }

    private void requireKnownTheme(String theme) {
        // Blank is no filter, as for every text filter: a page's empty select sends ?theme=
        if (theme != null && !theme.isBlank() && !themes.codes().contains(theme)) {
            throw ProblemException.invalidParameter("theme", "unknown theme '" + theme + "': GET /api/v1/themes lists "
                    + "the taxonomy" + Vocabulary.ofLabelled(themes.labelsByCode()).didYouMean(theme));
        }
    }
}
