package org.chorus.insight.finding;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.platform.web.caller.Caller;
import org.chorus.platform.web.paging.Cursor;
import org.chorus.platform.web.paging.Page;
import org.chorus.platform.web.problem.ProblemException;

/** Reads and searches findings, showing each caller only what its {@link Audience} may see. */
@ApplicationScoped
public class FindingQueries {

    private final FindingRepository findings;
    private final FindingViews views;

    public FindingQueries(FindingRepository findings, FindingViews views) {
        this.findings = findings;
        this.views = views;
    }

    /** @throws ProblemException 404 also when the finding exists but the caller may not see it */
    @Transactional
    public Finding get(Caller caller, UUID id) {
        return views.of(Audience.of(caller).visible(findings.findByIdOptional(id), "Finding", id));
    }

    @Transactional
    public Page<Finding> search(Caller caller, FindingFilter filter, int limit, String cursor) {
        Cursor after = Cursor.decode(cursor);
        List<FindingEntity> fetched = findings.search(filter, Audience.of(caller),
                Cursor.dateOf(after), Cursor.idOf(after), limit + 1);
        return Page.of(views.of(fetched), limit, f -> new Cursor(f.heardOn().toString(), f.id()).encode());
    }
}
