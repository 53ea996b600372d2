package org.chorus.survey.coding.frame;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a two-level categorisation from a CSV with a header row: one line per minor category, naming its major
 * category in one column and itself in another. Only the columns' names are assumed (major: "major", "major
 * category" or "category"; minor: "minor", "minor category", "subcategory" or "sub-category"; optionally
 * "insight theme"; in any case, with underscores for spaces as in NHS England's own file, "major_category"), since
 * the file is the publisher's; codes are made from the labels.
 */
final class FrameworkCsv {

    private static final List<String> MAJOR = List.of("major", "major category", "category");
    private static final List<String> MINOR = List.of("minor", "minor category", "subcategory", "sub-category");
    private static final List<String> THEME = List.of("insight theme", "theme");
    private static final int MAX_CODE = 63;

    private FrameworkCsv() {
    }

    /** @return the categories, or empty when the header names no major and minor column */
    static Optional<List<MajorCategory>> read(Reader csv) throws IOException {
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get().parse(csv).getRecords();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> header = rows.get(0).getParser().getHeaderNames();
        Optional<String> major = column(header, MAJOR);
        Optional<String> minor = column(header, MINOR);
        if (major.isEmpty() || minor.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> theme = column(header, THEME);
        Map<String, List<MinorCategory>> minors = new LinkedHashMap<>();
        Map<String, String> majorThemes = new LinkedHashMap<>();
        Set<String> codes = new HashSet<>();
        Map<String, String> majorCodes = new LinkedHashMap<>();
        for (CSVRecord row : rows) {
            String majorLabel = row.get(major.get());
            if (majorLabel.isBlank()) {
                continue;
            }
            majorCodes.computeIfAbsent(majorLabel, label -> code(label, codes));
            majorThemes.putIfAbsent(majorLabel, null);
            List<MinorCategory> under = minors.computeIfAbsent(majorLabel, label -> new ArrayList<>());
            String minorLabel = row.get(minor.get());
            if (!minorLabel.isBlank()) {
                String rowTheme = theme.map(row::get).filter(t -> !t.isBlank()).orElse(null);
                under.add(new MinorCategory(code(majorCodes.get(majorLabel) + "-" + minorLabel, codes), minorLabel,
                        rowTheme));
            }
        }
        List<MajorCategory> categories = new ArrayList<>();
        minors.forEach((label, under) -> categories.add(new MajorCategory(majorCodes.get(label), label,
                majorThemes.get(label), under)));
        return Optional.of(categories);
    }

    private static Optional<String> column(List<String> header, List<String> names) {
        return header.stream().filter(h -> names.contains(h.strip().toLowerCase(Locale.ROOT).replace('_', ' ')))
                .findFirst();
    }

    /**
     * A code from a label: lower case, runs of anything else as one hyphen, unique in the frame. A long one is cut at
     * the last whole word that leaves room for a suffix ("-2"), so that it still reads as words.
     */
    static String code(String label, Set<String> taken) {
        String base = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.length() > MAX_CODE - 4) {
            base = base.substring(0, MAX_CODE - 4);
            int lastWord = base.lastIndexOf('-');
            base = lastWord > 0 ? base.substring(0, lastWord) : base;
        }
        base = base.isEmpty() ? "category" : base;
        String code = base;
        for (int n = 2; !taken.add(code); n++) {
            code = base + "-" + n;
        }
        return code;
    }
}
