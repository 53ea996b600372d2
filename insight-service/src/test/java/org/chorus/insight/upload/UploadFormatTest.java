package org.chorus.insight.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The upload formats without HTTP: what a request's Content-Type names, and what the column stores. */
class UploadFormatTest {

    private final UploadFormat.Column column = new UploadFormat.Column();

    @Test
    void theContentTypeNamesTheFormatWhateverItsCaseAndParameters() {
        assertEquals(Optional.of(UploadFormat.CSV), UploadFormat.ofContentType("text/csv"));
        assertEquals(Optional.of(UploadFormat.CSV), UploadFormat.ofContentType("Text/CSV; charset=UTF-8"));
        assertEquals(Optional.of(UploadFormat.XLSX), UploadFormat.ofContentType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertEquals(Optional.of(UploadFormat.JSON), UploadFormat.ofContentType("application/json; charset=utf-8"));
        assertEquals(Optional.of(UploadFormat.JSON), UploadFormat.ofContentType(null));
    }

    @Test
    void anyOtherTypeIsNoFormatAndIsToldWhatToSendInstead() {
        for (String type : List.of("text/plain", "text/csvx", "application/vnd.ms-excel", "application/zip")) {
            assertEquals(Optional.empty(), UploadFormat.ofContentType(type), type);
            String instead = UploadFormat.whatToSendInstead(type);
            assertTrue(instead.contains("text/csv") && instead.contains("application/json")
                    && instead.contains(UploadFormat.XLSX_TYPE), instead);
        }
        assertTrue(UploadFormat.whatToSendInstead("application/vnd.ms-excel").contains("save it as"));
        assertTrue(UploadFormat.whatToSendInstead("Application/Vnd.Oasis.Opendocument.Spreadsheet; x=1")
                .contains("save it as"));
        assertFalse(UploadFormat.whatToSendInstead("text/plain").contains("save it as"));
    }

    @Test
    void theColumnKeepsTheLabelsStoredBeforeTheFormatWasAType() {
        assertEquals(List.of("csv", "xlsx", "json"),
                List.of(UploadFormat.values()).stream().map(column::convertToDatabaseColumn).toList());
        for (UploadFormat format : UploadFormat.values()) {
            assertEquals(format, column.convertToEntityAttribute(column.convertToDatabaseColumn(format)));
        }
        assertThrows(IllegalArgumentException.class, () -> column.convertToEntityAttribute("CSV"));
    }

    @Test
    void onlySpreadsheetsHaveRowsToGiveBack() {
        assertTrue(UploadFormat.CSV.isSpreadsheet());
        assertTrue(UploadFormat.XLSX.isSpreadsheet());
        assertFalse(UploadFormat.JSON.isSpreadsheet());
    }
}
