package org.chorus.survey.coding.frame;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One version of a coding frame, frozen once written. */
@Schema(name = "CodingFrame", requiredProperties = { "id", "name", "version", "latestVersion", "categories",
        "createdAt" })
public record CodingFrame(
        UUID id,
        @Schema(description = "The organisation that added it; absent for a framework offered to everyone")
        UUID organisationId,
        String name,
        @Schema(description = "This version") int version,
        @Schema(description = "The newest version; codings name the version they used") int latestVersion,
        List<MajorCategory> categories,
        Instant createdAt) {

    /** Every code of the frame, majors and minors alike: an answer may be given either. */
    public Stream<String> codes() {
        return categories.stream().flatMap(m -> Stream.concat(Stream.of(m.code()),
                m.minorsOrEmpty().stream().map(MinorCategory::code)));
    }

    /**
     * The insight themes the given categories count towards, distinct, in the frame's order: a category's own theme,
     * or for a minor without one, its major's.
     */
    public List<String> insightThemes(Collection<String> codes) {
        Set<String> themes = new LinkedHashSet<>();
        for (MajorCategory major : categories) {
            if (codes.contains(major.code()) && major.insightTheme() != null) {
                themes.add(major.insightTheme());
            }
            for (MinorCategory minor : major.minorsOrEmpty()) {
                String theme = minor.insightTheme() != null ? minor.insightTheme() : major.insightTheme();
                if (codes.contains(minor.code()) && theme != null) {
                    themes.add(theme);
                }
            }
        }
        return List.copyOf(themes);
    }

    public boolean has(String code) {
        return codes().anyMatch(code::equals);
    }
}
