package org.chorus.insight.reach;

import java.time.LocalDate;
import java.util.List;

import org.chorus.insight.activity.EngagementMethod;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who was heard in a place and period, how, about what, and where and whom nobody heard. */
@Schema(name = "ReachSummary")
public record ReachSummary(
        @Schema(description = "The place summarised; null for the whole partnership", examples = "blackpool") String placeCode,
        LocalDate from,
        LocalDate to,
        @Schema(examples = "38") long activities,
        @Schema(description = "People taking part in those activities", examples = "969") long participants,
        List<MethodReach> byMethod,
        List<GroupReach> groupsReached,
        @Schema(description = "The ten themes most findings raised") List<ThemeReach> topThemes,
        @Schema(description = "Survey responses received in the period, erased ones not counted", examples = "1225")
        long surveyResponses,
        List<ChannelReach> surveyResponsesByChannel,
        @Schema(description = "Places some active organisation covers where no activity took place and no survey "
                + "response came from in the period", examples = "[\"barrow\"]") List<String> placesWithoutEngagement,
        @Schema(description = "Groups reached by earlier activities but by none in this period (and place)",
                examples = "[\"young carers\"]") List<String> groupsWithoutEngagement) {

    /** Activities and participants of one method. */
    @Schema(name = "MethodReach")
    public record MethodReach(EngagementMethod method, long activities, long participants) {
    }

    /** Activities and participants that reached one group. */
    @Schema(name = "GroupReach")
    public record GroupReach(@Schema(examples = "young carers") String group, long activities, long participants) {
    }

    /** How many findings raised a theme, and how many participants raised it. */
    @Schema(name = "ThemeReach")
    public record ThemeReach(@Schema(examples = "mental-health-support") String code,
            @Schema(examples = "Mental health support") String label, long findings, long participants) {
    }

    /** Survey responses of one channel. */
    @Schema(name = "ChannelReach")
    public record ChannelReach(@Schema(examples = "online") String channel, long responses) {
    }
}
