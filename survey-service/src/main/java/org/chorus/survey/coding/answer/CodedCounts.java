package org.chorus.survey.coding.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chorus.platform.web.suppression.Suppression;
import org.chorus.survey.coding.frame.CodingFrame;
import org.chorus.survey.coding.frame.MajorCategory;
import org.chorus.survey.coding.frame.MinorCategory;
import org.chorus.survey.results.Cell;

/**
 * Lays coded counts out by group and the frame's categories and suppresses small numbers. An answer may be given
 * several categories, so no group of category counts adds up to a figure a reader knows; but a cell's counts across
 * the groups of a breakdown add up to its overall count, so one hidden among them is protected as every breakdown's
 * is. The coded and uncodable totals are suppressed by the same rules.
 */
final class CodedCounts {

    private final CodingFrame frame;
    private final Map<Address, Long> cells = new LinkedHashMap<>();
    private final Set<Address> hidden;

    /** @param counted by group, then question, then category code or {@link CodingStore#CODED}/UNCODABLE */
    CodedCounts(List<String> questions, CodingFrame frame, List<String> groups,
            Map<String, Map<String, Map<String, Long>>> counted) {
        this.frame = frame;
        for (String group : groups) {
            for (String question : questions) {
                Map<String, Long> byKey = counted.getOrDefault(group, Map.of()).getOrDefault(question, Map.of());
                keys().forEach(key -> cells.put(new Address(group, question, key), count(byKey, key)));
            }
        }
        Suppression<Address> suppression = new Suppression<>(cells);
        for (String question : questions) {
            keys().forEach(key -> suppression.knownSum(groups.stream().map(g -> new Address(g, question, key))
                    .toList()));
        }
        hidden = suppression.hidden();
    }

    CodedResults.Question question(String group, String questionId) {
        List<CodedResults.Category> categories = new ArrayList<>();
        for (MajorCategory major : frame.categories()) {
            categories.add(category(group, questionId, major.code(), major.label(), major.insightTheme()));
            for (MinorCategory minor : major.minorsOrEmpty()) {
                categories.add(category(group, questionId, minor.code(), minor.label(), minor.insightTheme()));
            }
        }
        return new CodedResults.Question(questionId, cell(group, questionId, CodingStore.CODED),
                cell(group, questionId, CodingStore.UNCODABLE), categories);
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>(List.of(CodingStore.CODED, CodingStore.UNCODABLE));
        frame.codes().forEach(keys::add);
        return keys;
    }

    /** Coded answers include those that could not be coded: a coder read them all. */
    private static long count(Map<String, Long> byKey, String key) {
        long count = byKey.getOrDefault(key, 0L);
        return CodingStore.CODED.equals(key) ? count + byKey.getOrDefault(CodingStore.UNCODABLE, 0L) : count;
    }

    private CodedResults.Category category(String group, String questionId, String code, String label,
            String theme) {
        return new CodedResults.Category(code, label, theme, cell(group, questionId, code));
    }

    private Cell cell(String group, String questionId, String key) {
        Address address = new Address(group, questionId, key);
        return Cell.of(cells.get(address), hidden.contains(address));
    }

    /** Where one count sits: group, question and category (or total). */
    private record Address(String group, String questionId, String key) {
    }
}
