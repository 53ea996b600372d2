package org.chorus.survey.export;

import java.util.Locale;

/** The file formats responses export to. */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    NDJSON("application/x-ndjson", "ndjson"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    /** A zip: the CSV with codes, datapackage.json, survey.sps and a README. */
    DATAPACKAGE("application/zip", "zip");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** How the format parameter names it. */
    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
