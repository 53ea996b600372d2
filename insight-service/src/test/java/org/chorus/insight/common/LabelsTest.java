package org.chorus.insight.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.chorus.insight.activity.EngagementMethod;
import org.chorus.insight.activity.LadderRung;
import org.chorus.insight.activity.ProgrammeArea;
import org.chorus.insight.activity.StakeholderGroup;
import org.chorus.insight.finding.Sentiment;
import org.junit.jupiter.api.Test;

/** An upload's messages name values as the template writes them, and a person who copies one is understood. */
class LabelsTest {

    @Test
    void everyLabelAMessageOffersReadsBackAsItsValue() {
        for (Class<? extends Enum<?>> type : List.of(EngagementMethod.class, StakeholderGroup.class, LadderRung.class,
                ProgrammeArea.class, Sentiment.class)) {
            for (Enum<?> value : type.getEnumConstants()) {
                assertEquals(Optional.of(value), parse(type, Labels.label(value)), Labels.label(value));
            }
        }
    }

    @Test
    void aLabelIsTheNameInWordsWithACapitalFirst() {
        assertEquals("Focus group", Labels.label(EngagementMethod.FOCUS_GROUP));
        assertEquals("Children and young people", Labels.label(ProgrammeArea.CHILDREN_AND_YOUNG_PEOPLE));
        assertEquals("; did you mean Concern?", Labels.didYouMean(Sentiment.class, "Concren"));
        assertEquals("", Labels.didYouMean(Sentiment.class, "Knitting"));
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Optional<Enum<?>> parse(Class<? extends Enum<?>> type, String text) {
        return Labels.parse((Class) type, text);
    }
}
