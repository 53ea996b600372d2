package org.chorus.insight.codedtext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.platform.web.suppression.Suppression;

/**
 * Counts coded survey answers by theme, straight from the table the coding events fill. Every call reads every
 * survey's counts and suppresses them as one table, whose totals over the surveys are what the call without a survey
 * shows: suppressed one survey at a time, a survey's hidden 3 was the total's 12 less the other survey's 9.
 */
@ApplicationScoped
public class CodedThemeQueries {

    // A left join: a frame may map a category to a code the taxonomy does not have (yet), and its answers must show
    // rather than vanish from the counts.
    private static final String COUNTS = "SELECT a.survey_id, c.code, t.label, count(*) FROM coded_survey_answer a "
            + "CROSS JOIN unnest(a.theme_codes) AS c(code) LEFT JOIN theme t ON t.code = c.code "
            + "GROUP BY a.survey_id, c.code, t.label";

    private final EntityManager entityManager;

    public CodedThemeQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * @param surveyId only this survey's answers, or null for every survey's
     * @return most answers first, suppressed counts last, then by label (unlabelled last) and code
     */
    @Transactional
    public List<CodedThemeCount> countByTheme(UUID surveyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(COUNTS).getResultList();
        Map<Cell, Long> bySurvey = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (Object[] row : rows) {
            bySurvey.put(new Cell((UUID) row[0], (String) row[1]), ((Number) row[3]).longValue());
            labels.put((String) row[1], (String) row[2]);
        }
        Map<String, Long> shown = surveyId == null ? totals(bySurvey) : ofSurvey(bySurvey, surveyId);
        Set<String> hidden = surveyId == null ? Set.of() : hiddenOf(bySurvey, surveyId);
        List<CodedThemeCount> counts = new ArrayList<>();
        shown.forEach((code, answers) -> counts.add(hidden.contains(code)
                ? CodedThemeCount.hidden(code, labels.get(code))
                : CodedThemeCount.of(code, labels.get(code), answers)));
        counts.sort(Comparator.comparing((CodedThemeCount c) -> c.answers() == null ? 0 : c.answers()).reversed()
                .thenComparing(CodedThemeCount::label, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(CodedThemeCount::code));
        return counts;
    }

    private static Map<String, Long> totals(Map<Cell, Long> bySurvey) {
        Map<String, Long> totals = new LinkedHashMap<>();
        bySurvey.forEach((cell, answers) -> totals.merge(cell.code(), answers, Long::sum));
        return totals;
    }

    private static Map<String, Long> ofSurvey(Map<Cell, Long> bySurvey, UUID surveyId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        bySurvey.forEach((cell, answers) -> {
            if (cell.surveyId().equals(surveyId)) {
                counts.put(cell.code(), answers);
            }
        });
        return counts;
    }

    /** The survey's counts hidden by small numbers, or to keep another survey's from following from the total. */
    private static Set<String> hiddenOf(Map<Cell, Long> bySurvey, UUID surveyId) {
        Suppression<Cell> suppression = new Suppression<>(bySurvey);
        Map<String, List<Cell>> byCode = new HashMap<>();
        bySurvey.keySet().forEach(cell -> byCode.computeIfAbsent(cell.code(), c -> new ArrayList<>()).add(cell));
        // the surveys' counts of a theme add up to its total, which the call without a survey shows
        byCode.values().forEach(cells -> suppression.knownSum(cells.stream()
                .sorted(Comparator.comparing((Cell c) -> c.surveyId().toString())).toList()));
        return suppression.hidden().stream().filter(c -> Objects.equals(c.surveyId(), surveyId))
                .map(Cell::code).collect(Collectors.toSet());
    }

    /** One survey's coded answers of one theme. */
    private record Cell(UUID surveyId, String code) {
    }
}
