package org.chorus.insight.upload;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
     * The format a request's Content-Type names. Anything else than CSV or a workbook is read as JSON, which the
     * endpoint's {@code @Consumes} has already narrowed to JSON.
     */
    static UploadFormat ofContentType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith(CSV.mediaType) ? CSV : type.startsWith(XLSX.mediaType) ? XLSX : JSON;
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
