package org.chorus.insight.handover;

import static org.chorus.platform.datapackage.Field.Type.ARRAY;
import static org.chorus.platform.datapackage.Field.Type.BOOLEAN;
import static org.chorus.platform.datapackage.Field.Type.DATE;
import static org.chorus.platform.datapackage.Field.Type.DATETIME;
import static org.chorus.platform.datapackage.Field.Type.INTEGER;
import static org.chorus.platform.datapackage.Field.Type.JSON_ARRAY;
import static org.chorus.platform.datapackage.Field.Type.STRING;
import static org.chorus.platform.datapackage.Field.Type.UUID;

import java.util.ArrayList;
import java.util.List;

import org.chorus.insight.action.ActionStatus;
import org.chorus.insight.activity.EngagementMethod;
import org.chorus.insight.activity.LadderRung;
import org.chorus.insight.activity.ProgrammeArea;
import org.chorus.insight.activity.StakeholderGroup;
import org.chorus.insight.finding.Sentiment;
import org.chorus.insight.upload.UploadFormat;
import org.chorus.insight.upload.UploadMode;
import org.chorus.insight.upload.UploadStatus;
import org.chorus.platform.datapackage.Field;
import org.chorus.platform.datapackage.Table;
import org.chorus.platform.datapackage.Table.ForeignKey;

/**
 * The tables of insight's handover package, in the order they are written and imported: a row only ever refers to
 * rows of tables before it.
 */
final class InsightTables {

    static final Table ACTIVITIES = new Table("activities", "Engagement activities",
            "Every engagement activity the organisation recorded, uploaded or entered",
            changeable(Field.required("id", UUID, "Activity id", "The activity's id in the installation it came from"),
                    Field.required("organisation_id", UUID, "Organisation", "The organisation that ran it"),
                    Field.of("reference", STRING, "Reference", "The organisation's own reference, unique within it"),
                    Field.required("title", STRING, "Title", "What the activity was"),
                    Field.required("method", STRING, "Method", "How people were heard").codes(EngagementMethod.values()),
                    Field.required("start_date", DATE, "Start date", "The day it started"),
                    Field.required("end_date", DATE, "End date", "The day it ended"),
                    Field.required("place_codes", ARRAY, "Places", "Codes of the places it covered"),
                    Field.required("participant_count", INTEGER, "Participants", "How many people took part"),
                    Field.required("groups_reached", ARRAY, "Groups reached", "Lower case, single-spaced"),
                    Field.required("stakeholder_group", STRING, "Stakeholder group", "Whom it heard")
                            .codes(StakeholderGroup.values()),
                    Field.of("ladder_rung", STRING, "Ladder rung", "The rung on the ladder of engagement")
                            .codes(LadderRung.values()),
                    Field.of("programme_area", STRING, "Programme area", "The partnership's programme it serves")
                            .codes(ProgrammeArea.values())),
            List.of("id"), List.of());

    static final Table FINDINGS = new Table("findings", "Findings with their quotes",
            "What people said at an activity, with the themes, sentiment and supporting quotes",
            publishable(Field.required("id", UUID, "Finding id", "The finding's id in the installation it came from"),
                    Field.required("activity_id", UUID, "Activity", "The activity it was heard at"),
                    Field.required("statement", STRING, "Statement", "What was heard"),
                    Field.required("theme_codes", ARRAY, "Themes", "Codes of the themes it belongs to"),
                    Field.required("sentiment", STRING, "Sentiment", "How it was said").codes(Sentiment.values()),
                    Field.of("participant_count", INTEGER, "Participants", "How many people said it, if counted"),
                    Field.required("quotes", ARRAY, "Quotes", "Supporting quotes, each as it was written down"),
                    Field.of("upload_position", INTEGER, "Position in upload",
                            "Its place among the findings of an uploaded activity, so a re-upload updates it")),
            List.of("id"), List.of(ForeignKey.of("activity_id", "activities", "id")));

    static final Table THEME_PROPOSALS = new Table("theme_proposals", "Proposed themes",
            "Themes a finding was given that are not (yet) in the partnership's list of themes",
            List.of(Field.required("id", UUID, "Proposal id", "The proposal's id in the installation it came from"),
                    Field.required("finding_id", UUID, "Finding", "The finding it was proposed for"),
                    Field.required("label", STRING, "Label", "The theme as it was written"),
                    Field.required("normalised", STRING, "Normalised", "The label compared without case or spacing"),
                    Field.required("proposed_at", DATETIME, "Proposed", "When it was proposed")),
            List.of("id"), List.of(ForeignKey.of("finding_id", "findings", "id")));

    static final Table ACTIONS = new Table("actions", "Actions (\"you said, we did\")",
            "Decisions taken on findings, and where they stand",
            publishable(Field.required("id", UUID, "Action id", "The action's id in the installation it came from"),
                    Field.required("title", STRING, "Title", "What was decided, in short"),
                    Field.required("decision", STRING, "Decision", "The decision in full"),
                    Field.required("finding_ids", ARRAY, "Findings", "Ids of the findings it answers: each is a "
                            + "finding of this package, or of another organisation that stays where it is"),
                    Field.required("status", STRING, "Status", "Where it stands").codes(ActionStatus.values()),
                    Field.of("reason", STRING, "Reason", "Why it was not taken forward"),
                    Field.required("decided_on", DATE, "Decided on", "When it was decided"),
                    Field.of("due_on", DATE, "Due on", "When it should be done"),
                    Field.of("completed_on", DATE, "Completed on", "When it was done")),
            List.of("id"), List.of());

    static final Table UPLOADS = new Table("uploads", "Upload reports",
            "Every upload of a file of activities and findings, with its counts and its report row by row",
            List.of(Field.required("id", UUID, "Upload id", "The upload's id"),
                    Field.required("format", STRING, "Format", "The kind of file uploaded")
                            .codes(UploadFormat.labels()),
                    Field.of("sheet", STRING, "Sheet", "The workbook's sheet that was read, if named"),
                    Field.required("mode", STRING, "Mode", "Whether good rows were kept or all or nothing")
                            .codes(UploadMode.values()),
                    Field.required("status", STRING, "Status", "Where the upload stands").codes(UploadStatus.values()),
                    Field.required("total_rows", INTEGER, "Rows", "Rows in the file"),
                    Field.required("processed_rows", INTEGER, "Processed", "Rows processed"),
                    Field.required("accepted_rows", INTEGER, "Accepted", "Rows that made new activities"),
                    Field.required("updated_rows", INTEGER, "Updated", "Rows that changed stored activities"),
                    Field.required("unchanged_rows", INTEGER, "Unchanged", "Rows identical to what was stored"),
                    Field.required("rejected_rows", INTEGER, "Rejected", "Rows refused, with reasons in the report"),
                    Field.required("skipped_rows", INTEGER, "Skipped", "Rows not processed"),
                    Field.of("report", JSON_ARRAY, "Report", "The report row by row, as the upload answered it"),
                    Field.required("created_at", DATETIME, "Uploaded", "When the file came"),
                    Field.of("finished_at", DATETIME, "Finished", "When processing ended")),
            List.of("id"), List.of());

    private InsightTables() {
    }

    /** An activity's, finding's or action's own fields, then its version and times. */
    private static List<Field> changeable(Field... own) {
        return Field.versioned(List.of(own), "Created", "When it was first recorded");
    }

    /** A finding's or action's own fields, then whether and when it was published for partner websites. */
    private static List<Field> publishable(Field... own) {
        List<Field> fields = new ArrayList<>(List.of(own));
        fields.add(Field.required("published", BOOLEAN, "Published", "Whether partner websites show it"));
        fields.add(Field.of("published_at", DATETIME, "Published at", "When it was last published"));
        return changeable(fields.toArray(Field[]::new));
    }
}
