package org.chorus.insight.upload;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads an uploaded file as rows by its format, spreadsheets by the organisation's saved column names. */
@ApplicationScoped
class UploadFileReader {

    private final ColumnMappingService mappings;
    private final ObjectMapper requests;

    UploadFileReader(ColumnMappingService mappings, ObjectMapper requests) {
        this.mappings = mappings;
        this.requests = requests;
    }

    /** The organisation's names for the template's columns, as a spreadsheet of its sent now is read by them. */
    Map<String, String> columnsNow(UUID organisationId) {
        return mappings.columnsOf(organisationId);
    }

    /**
     * @param sheet for a workbook, the sheet to read, or null for the first
     * @param columns a spreadsheet's column names, as {@link #columnsNow} gave them when it came
     */
    List<RawRow> read(UploadFormat format, String sheet, byte[] content, Map<String, String> columns) {
        return switch (format) {
            case CSV -> CsvRows.read(content, columns);
            case XLSX -> XlsxRows.read(content, sheet, columns);
            case JSON -> JsonRows.read(requests, content);
        };
    }

    /** A spreadsheet's cells as the file has them. */
    SheetGrid grid(UploadFormat format, String sheet, byte[] content) {
        return switch (format) {
            case CSV -> CsvRows.grid(content);
            case XLSX -> XlsxRows.grid(content, sheet);
            case JSON -> throw new IllegalArgumentException("A JSON upload has no sheet to give back");
        };
    }
}
