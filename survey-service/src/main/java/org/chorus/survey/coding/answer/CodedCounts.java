package org.chorus.survey.coding.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chorus.survey.coding.frame.CodingFrame;
import org.chorus.survey.coding.frame.MajorCategory;
import org.chorus.survey.coding.frame.MinorCategory;
import org.chorus.survey.results.Cell;
import org.chorus.survey.results.Suppression;

/**
 * Lays coded counts out by the frame's categories and suppresses small numbers. An answer may be given several
 * categories, so no group of category counts adds up to a figure a reader knows, and only primary suppression
 * applies; the coded and uncodable totals are suppressed by the same rule.
 */
final class CodedCounts {

    private CodedCounts() {
    }

    static CodedResults.Question question(String questionId, CodingFrame frame, Map<String, Long> counted) {
        Map<String, Long> cells = new LinkedHashMap<>();
        cells.put(CodingStore.CODED, counted.getOrDefault(CodingStore.CODED, 0L)
                + counted.getOrDefault(CodingStore.UNCODABLE, 0L));
        cells.put(CodingStore.UNCODABLE, counted.getOrDefault(CodingStore.UNCODABLE, 0L));
        frame.codes().forEach(code -> cells.put(code, counted.getOrDefault(code, 0L)));
        Set<String> hidden = new Suppression<>(cells).hidden();
        List<CodedResults.Category> categories = new ArrayList<>();
        for (MajorCategory major : frame.categories()) {
            categories.add(category(major.code(), major.label(), major.insightTheme(), cells, hidden));
            for (MinorCategory minor : major.minorsOrEmpty()) {
                categories.add(category(minor.code(), minor.label(), minor.insightTheme(), cells, hidden));
            }
        }
        return new CodedResults.Question(questionId, cell(CodingStore.CODED, cells, hidden),
                cell(CodingStore.UNCODABLE, cells, hidden), categories);
    }

    private static CodedResults.Category category(String code, String label, String theme, Map<String, Long> cells,
            Set<String> hidden) {
        return new CodedResults.Category(code, label, theme, cell(code, cells, hidden));
    }

    private static Cell cell(String key, Map<String, Long> cells, Set<String> hidden) {
        return Cell.of(cells.get(key), hidden.contains(key));
    }
}
