package org.chorus.insight.upload;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The kinds of file an upload can be, each read its own way: a spreadsheet's rows by the organisation's column names,
 * JSON by the upload schema. Stored, reported and fingerprinted by its label ("csv"), as before it was a type.
 */
public enum UploadFormat {
    CSV("csv", UploadFormat.CSV_TYPE),
    XLSX("xlsx", UploadFormat.XLSX_TYPE),
    JSON("json", "application/json");

    /** Media types as annotations need them: constants. */
    static final String CSV_TYPE = "text/csv";
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** What browsers and mail programs call .xls and .ods files, which uploads cannot read. */
    private static final Set<String> OTHER_SPREADSHEETS = Set.of("application/vnd.ms-excel",
            "application/vnd.oasis.opendocument.spreadsheet");

    private final String label;
    private final String mediaType;

    UploadFormat(String label, String mediaType) {
        this.label = label;
        this.mediaType = mediaType;
    }

    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }

    /** A spreadsheet has rows to give back in the report, so its file is kept for a while; a JSON file has none. */
    public boolean isSpreadsheet() {
        return switch (this) {
            case CSV, XLSX -> true;
            case JSON -> false;
        };
    }

    /** Only a workbook has sheets to choose from. */
    public boolean hasSheets() {
        return switch (this) {
            case XLSX -> true;
            case CSV, JSON -> false;
        };
    }

    /**
     * The format a request's Content-Type names, its parameters (a charset) aside; a request that names none is read
     * as JSON. Empty for any other type: {@link #whatToSendInstead} says what to send.
     */
    static Optional<UploadFormat> ofContentType(String contentType) {
        String type = mediaTypeOf(contentType);
        if (type.isEmpty()) {
            return Optional.of(JSON);
        }
        return Arrays.stream(values()).filter(format -> format.mediaType.equals(type)).findFirst();
    }

    /**
     * For a file of another type: what to send instead. Older workbooks, and other programs' spreadsheets, are named
     * with what to save them as; some browsers also label a .csv file as an older workbook.
     */
    static String whatToSendInstead(String contentType) {
        String type = mediaTypeOf(contentType);
        String instead = "Send a CSV file as " + CSV_TYPE + ", an Excel workbook (.xlsx) as " + XLSX_TYPE
                + ", or JSON as application/json";
        return OTHER_SPREADSHEETS.contains(type)
                ? type + " is an .xls or .ods workbook, which uploads cannot read: save it as an Excel workbook (.xlsx) "
                        + "or as CSV UTF-8. " + instead + " (a .csv file is " + CSV_TYPE + ", whatever the browser says)"
                : "Uploads cannot read " + type + ". " + instead;
    }

    private static String mediaTypeOf(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    static UploadFormat ofLabel(String label) {
        return Arrays.stream(values()).filter(format -> format.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not an upload format: " + label));
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(UploadFormat::label).toList();
    }

    /** Keeps the column's values the labels they were before the format was a type, so no row needs migrating. */
    @Converter
    static class Column implements AttributeConverter<UploadFormat, String> {

        @Override
        public String convertToDatabaseColumn(UploadFormat format) {
            return format == null ? null : format.label;
        }

        @Override
        public UploadFormat convertToEntityAttribute(String label) {
            return label == null ? null : ofLabel(label);
        }
    }
}
