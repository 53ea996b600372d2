package org.chorus.survey.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SPSS variable names for export columns. Column names have hyphens and may start with a digit or be a keyword such
 * as {@code to}; SPSS names are letters, digits and underscores starting with a letter, at most 64 bytes, unique
 * whatever the case.
 */
final class SpssNames {

    private static final int MAX_LENGTH = 64;
    private static final Set<String> KEYWORDS = Set.of("ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT",
            "OR", "TO", "WITH");

    private SpssNames() {
    }

    /** @return one name per column, in order */
    static List<String> of(List<String> columns) {
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>(columns.size());
        for (String column : columns) {
            String base = valid(column);
            String name = base;
            for (int n = 2; !taken.add(name.toUpperCase(Locale.ROOT)); n++) {
                String suffix = "_" + n;
                name = base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix;
            }
            names.add(name);
        }
        return names;
    }

    private static String valid(String column) {
        StringBuilder name = new StringBuilder(column.length() + 2);
        for (char c : column.toCharArray()) {
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            name.append(allowed ? c : '_');
        }
        char first = name.length() == 0 ? '0' : name.charAt(0);
        if (!Character.isLetter(first) || KEYWORDS.contains(name.toString().toUpperCase(Locale.ROOT))) {
            name.insert(0, "v_");
        }
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name.toString();
    }
}
