package org.chorus.survey.coding.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A framework's CSV, of our own making (the publisher's file is not on this machine), read as two levels. */
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
    }
}
