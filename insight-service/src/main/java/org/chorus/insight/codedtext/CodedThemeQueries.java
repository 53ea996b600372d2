package org.chorus.insight.codedtext;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Counts coded survey answers by theme, straight from the table the coding events fill. */
@ApplicationScoped
public class CodedThemeQueries {

    // A left join: a frame may map a category to a code the taxonomy does not have (yet), and its answers must show
    // rather than vanish from the counts.
    private static final String COUNTS = "SELECT c.code, t.label, count(*) FROM coded_survey_answer a "
            + "CROSS JOIN unnest(a.theme_codes) AS c(code) LEFT JOIN theme t ON t.code = c.code "
            + "WHERE cast(:survey AS uuid) IS NULL OR a.survey_id = cast(:survey AS uuid) "
            + "GROUP BY c.code, t.label ORDER BY CASE WHEN count(*) < " + CodedThemeCount.THRESHOLD
            + " THEN 0 ELSE count(*) END DESC, t.label NULLS LAST, c.code";

    private final EntityManager entityManager;

    public CodedThemeQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @param surveyId only this survey's answers, or null for every survey's */
    @Transactional
    public List<CodedThemeCount> countByTheme(UUID surveyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(COUNTS)
                .setParameter("survey", surveyId == null ? null : surveyId.toString()).getResultList();
        return rows.stream()
                .map(r -> CodedThemeCount.of((String) r[0], (String) r[1], ((Number) r[2]).longValue()))
                .toList();
    }
}
