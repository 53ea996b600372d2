package org.chorus.insight.upload;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads an uploaded file as rows by its format, spreadsheets by the organisation's saved column names. */
@ApplicationScoped
class UploadFileReader {

    private final ColumnMappingService mappings;

    UploadFileReader(ColumnMappingService mappings) {
        this.mappings = mappings;
    }

    /** @param sheet for a workbook, the sheet to read, or null for the first */
    List<RawRow> read(UUID organisationId, String format, String sheet, byte[] content) {
        return switch (format) {
            case "csv" -> CsvRows.read(content, mappings.columnsOf(organisationId));
            case "xlsx" -> XlsxRows.read(content, sheet, mappings.columnsOf(organisationId));
            default -> JsonRows.read(content);
        };
    }

    /** A spreadsheet's cells as the file has them. */
    SheetGrid grid(String format, String sheet, byte[] content) {
        return "xlsx".equals(format) ? XlsxRows.grid(content, sheet) : CsvRows.grid(content);
    }
}
