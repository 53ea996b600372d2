package org.chorus.insight.upload;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The outcome of one activity of the file.
 *
 * @param row for CSV the spreadsheet row (the header is row 1), for JSON the position in {@code activities} from 1
 * @param rows every spreadsheet row of the activity, when its findings span several rows
 */
@Schema(name = "UploadRowResult")
public record RowResult(
        @Schema(examples = "2") int row,
        @Schema(examples = "[2, 3]") List<Integer> rows,
        @Schema(examples = "HWL-2019-FG-07") String reference,
        RowStatus status,
        UUID activityId,
        List<UUID> findingIds,
        @Schema(examples = "[\"method: unknown method 'seance'; use one of Focus group, Workshop, ...\"]") List<String> reasons) {

    static RowResult rejected(RawRow row, String reference, List<String> reasons) {
        return new RowResult(row.row(), row.rows(), reference, RowStatus.REJECTED, null, List.of(), reasons);
    }

    /** A good row of an all-or-nothing file that was not stored because another row was not. */
    static RowResult skipped(int row, List<Integer> rows, String reference) {
        return new RowResult(row, rows, reference, RowStatus.SKIPPED, null, List.of(), List.of());
    }

    /** This row as skipped: what storing it gave was rolled back with the rest of its file. */
    RowResult notStored() {
        return skipped(row, rows, reference);
    }
}
