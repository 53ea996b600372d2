package org.chorus.platform.web.input;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A closed list of values (place codes, theme codes, an enum's names) that people write in their own way in
 * spreadsheets: "Mental health support", "mental-health-support" and "MENTAL HEALTH & SUPPORT" are the same value.
 * Each value is known by its code and by any labels; text matches when it reads the same ignoring case, accents,
 * spacing, hyphens and "&"/"and". Text that matches nothing gets the nearest values by edit distance, or those it is
 * a part of, so that the person can fix the cell.
 */
public final class Vocabulary {

    private static final int SUGGESTIONS = 3;

    private static final ClassValue<Vocabulary> OF_ENUM = new ClassValue<>() {
        @Override
        protected Vocabulary computeValue(Class<?> type) {
            return ofCodes(Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
        }
    };

    /** Comparison key to code, codes and labels alike. */
    private final Map<String, String> byKey = new LinkedHashMap<>();

    private Vocabulary() {
    }

    /** Values known by their codes only. */
    public static Vocabulary ofCodes(Iterable<String> codes) {
        Vocabulary vocabulary = new Vocabulary();
        codes.forEach(code -> vocabulary.add(code, code));
        return vocabulary;
    }

    /** Values known by code and by label. */
    public static Vocabulary ofLabelled(Map<String, String> labelByCode) {
        Vocabulary vocabulary = new Vocabulary();
        labelByCode.forEach((code, label) -> {
            vocabulary.add(code, code);
            vocabulary.add(code, label);
        });
        return vocabulary;
    }

    /**
     * An enum's constants, known by their names ("FOCUS_GROUP" also as "Focus group"); made once per enum, since an
     * upload reads several enum cells in every row. Any class will do where only an enum's can arrive (a parameter's
     * or a JSON field's type, checked to be an enum).
     */
    public static Vocabulary ofEnum(Class<?> type) {
        return OF_ENUM.get(type);
    }

    private void add(String code, String name) {
        if (name != null && !name.isBlank()) {
            byKey.putIfAbsent(key(name), code);
        }
    }

    /** The code the text stands for, if it stands for one. */
    public Optional<String> resolve(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(text)));
    }

    /**
     * The codes nearest the text, nearest first: within a third of its length in edits, no more than one edit
     * further than the nearest (so a clear match is not drowned by merely similar names), at most three.
     */
    public List<String> nearest(String text) {
        String wanted = key(text);
        int limit = Math.max(2, wanted.length() / 3);
        record Candidate(String code, int distance) {
        }
        Map<String, Integer> best = new LinkedHashMap<>();
        byKey.forEach((known, code) -> {
            int distance = Math.min(editDistance(wanted, known), partDistance(wanted, known));
            if (distance <= limit) {
                best.merge(code, distance, Math::min);
            }
        });
        int nearest = best.values().stream().min(Integer::compare).orElse(0);
        return best.entrySet().stream().map(e -> new Candidate(e.getKey(), e.getValue()))
                .filter(c -> c.distance() <= nearest + 1)
                .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::code))
                .limit(SUGGESTIONS).map(Candidate::code).toList();
    }

    /** "; did you mean a or b?" for a message, or nothing when no value is near. */
    public String didYouMean(String text) {
        return didYouMean(text, UnaryOperator.identity());
    }

    /** {@link #didYouMean(String)} naming each code as the reader writes it (an enum's name in words). */
    public String didYouMean(String text, UnaryOperator<String> naming) {
        List<String> nearest = nearest(text).stream().map(naming).toList();
        return nearest.isEmpty() ? "" : "; did you mean " + String.join(" or ", nearest) + "?";
    }

    /**
     * How people's spellings of one value compare: lower case, accents dropped, "&" read as "and", every run of other
     * characters one separator, and the word "and" left out ("Health & care" = "health-and-care" = "Health care").
     */
    public static String key(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace("&", " and ");
        List<String> words = new ArrayList<>();
        for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !word.equals("and")) {
                words.add(word);
            }
        }
        return words.stream().collect(Collectors.joining("-"));
    }

    /**
     * A typed beginning of a long value ("mental health" for "mental-health-support"), or words of it ("interview" for
     * "face-to-face-interview"), count as near: people write the part of a name they remember.
     */
    private static int partDistance(String wanted, String known) {
        if (wanted.length() < 4) {
            return Integer.MAX_VALUE;
        }
        return known.startsWith(wanted) || ("-" + known + "-").contains("-" + wanted + "-") ? 1 : Integer.MAX_VALUE;
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each cost one. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
