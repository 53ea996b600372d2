package org.chorus.survey.coding.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A framework's CSV read as two levels: files of our own making, and the lines of NHS England's as it is published. */
class FrameworkCsvTest {

    @Test
    void linesOfMajorAndMinorCategoriesBecomeTwoLevelsWithCodesFromTheLabels() throws IOException {
        String csv = """
                Major category,Sub-category,Insight theme
                Access,Waiting times,access-to-care
                Access,Parking,
                Staff & care,Attitude,

                Staff & care,Attitude (again),
                Communication,,
                """;
        assertEquals(Optional.of(List.of(
                new MajorCategory("access", "Access", null, List.of(
                        new MinorCategory("access-waiting-times", "Waiting times", "access-to-care"),
                        new MinorCategory("access-parking", "Parking", null))),
                new MajorCategory("staff-care", "Staff & care", null, List.of(
                        new MinorCategory("staff-care-attitude", "Attitude", null),
                        new MinorCategory("staff-care-attitude-again", "Attitude (again)", null))),
                new MajorCategory("communication", "Communication", null, List.of()))),
                FrameworkCsv.read(new StringReader(csv)));
    }

    /**
     * The head and a quoted major of {@code shared/data/coding-frames/nhs-patient-experience.csv}, as they are; a code
     * made from a long label is cut at a whole word, leaving room for a suffix that keeps it unique.
     */
    @Test
    void theNhsFilesOwnColumnNamesAreRead() throws IOException {
        String csv = """
                major_category,minor_category
                General,Gratitude/ good experience
                "Service location, travel & transport",Transport to/ from services
                """;
        assertEquals(Optional.of(List.of(
                new MajorCategory("general", "General", null, List.of(
                        new MinorCategory("general-gratitude-good-experience", "Gratitude/ good experience", null))),
                new MajorCategory("service-location-travel-transport", "Service location, travel & transport", null,
                        List.of(new MinorCategory("service-location-travel-transport-transport-to-from",
                                "Transport to/ from services", null))))),
                FrameworkCsv.read(new StringReader(csv)));
    }

    @Test
    void aFileWithoutMajorAndMinorColumnsOffersNothing() throws IOException {
        assertEquals(Optional.empty(), FrameworkCsv.read(new StringReader("Theme,Quote\nAccess,\"Too far\"\n")));
        assertEquals(Optional.empty(), FrameworkCsv.read(new StringReader("")));
    }

    @Test
    void codesStayUniqueWhenLabelsMeetInOne() {
        Set<String> taken = new HashSet<>();
        assertEquals(List.of("a-b", "a-b-2", "category"), List.of(FrameworkCsv.code("A b", taken),
                FrameworkCsv.code("a-B!", taken), FrameworkCsv.code("???", taken)));
        String oneLongWord = "x".repeat(80);
        assertEquals(List.of("x".repeat(59), "x".repeat(59) + "-2"), List.of(FrameworkCsv.code(oneLongWord, taken),
                FrameworkCsv.code(oneLongWord, taken)), "a word longer than a code is cut where it must be");
    }
}
