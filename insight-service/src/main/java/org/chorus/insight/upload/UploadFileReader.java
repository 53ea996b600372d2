package org.chorus.insight.upload;

import java.util.List;
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

    /** @param sheet for a workbook, the sheet to read, or null for the first */
    List<RawRow> read(UUID organisationId, UploadFormat format, String sheet, byte[] content) {
        return switch (format) {
            case CSV -> CsvRows.read(content, mappings.columnsOf(organisationId));
            case XLSX -> XlsxRows.read(content, sheet, mappings.columnsOf(organisationId));
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
