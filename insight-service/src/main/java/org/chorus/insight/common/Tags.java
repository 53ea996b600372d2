package org.chorus.insight.common;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Normalises free tags such as the groups an activity reached: people name their own communities, so the words are
 * kept, only case and spacing are made consistent so that "Young Carers" and "young  carers" count as one group.
 */
public final class Tags {

    private Tags() {
    }

    public static List<String> normalise(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            String normal = normalise(tag);
            if (!normal.isEmpty()) {
                unique.add(normal);
            }
        }
        return List.copyOf(unique);
    }

    public static String normalise(String tag) {
        return tag == null ? "" : tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
