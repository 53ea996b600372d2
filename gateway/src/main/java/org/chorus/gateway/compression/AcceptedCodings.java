package org.chorus.gateway.compression;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a caller takes a gzip-coded answer, by its Accept-Encoding (RFC 9110, 12.5.3): a {@code gzip} (or the old
 * {@code x-gzip}) entry with a weight above zero, or, without one, a {@code *} entry with a weight above zero. A weight
 * that is not a qvalue counts as zero: a caller whose header cannot be read gets the answer as it is.
 */
final class AcceptedCodings {

    private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

    private AcceptedCodings() {
    }

    /** @param lines the Accept-Encoding lines, read as one list, as RFC 9110 (5.3) reads a field sent on several */
    static boolean gzip(List<String> lines) {
        boolean gzipNamed = false;
        boolean gzipWanted = false;
        boolean anyWanted = false;
        for (String line : lines) {
            for (String entry : line.split(",")) {
                String[] parts = entry.split(";");
                String coding = parts[0].strip().toLowerCase(Locale.ROOT);
                boolean wanted = weightAboveZero(parts);
                if (coding.equals("gzip") || coding.equals("x-gzip")) {
                    gzipNamed = true;
                    gzipWanted |= wanted;
                } else if (coding.equals("*")) {
                    anyWanted |= wanted;
                }
            }
        }
        return gzipNamed ? gzipWanted : anyWanted;
    }

    private static boolean weightAboveZero(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() >= 2 && parameter.regionMatches(true, 0, "q=", 0, 2)) {
                String weight = parameter.substring(2);
                return QVALUE.matcher(weight).matches() && Double.parseDouble(weight) > 0;
            }
        }
        return true;
    }
}
