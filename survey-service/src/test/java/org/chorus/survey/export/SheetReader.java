package org.chorus.survey.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the first worksheet of an exported workbook back as rows of cell texts (null for an empty cell), with only
 * the JDK: no spreadsheet reader is on the build's registry, and exports write inline strings only.
 */
final class SheetReader {

    private static final String SHEET = "xl/worksheets/sheet1.xml";

    private SheetReader() {
    }

    static List<List<String>> rows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        NodeList rowElements = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(sheet(xlsx))).getElementsByTagName("row");
        for (int r = 0; r < rowElements.getLength(); r++) {
            List<String> row = new ArrayList<>();
            NodeList cells = ((Element) rowElements.item(r)).getElementsByTagName("c");
            for (int c = 0; c < cells.getLength(); c++) {
                Element cell = (Element) cells.item(c);
                int column = column(cell.getAttribute("r"));
                while (row.size() < column) {
                    row.add(null);
                }
                row.add(cell.getTextContent());
            }
            rows.add(row);
        }
        return rows;
    }

    /** The cell at a column index, or null where the row ends before it (trailing empty cells are not written). */
    static String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column) : null;
    }

    /** Through the zip's central directory: the workbook is written as a stream, so entry sizes come after the data. */
    private static byte[] sheet(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("export-", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry entry = zip.getEntry(SHEET);
                if (entry == null) {
                    throw new IOException("No " + SHEET + " in the workbook");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    return in.readAllBytes();
                }
            }
        } finally {
            Files.delete(file);
        }
    }

    /** "A1" is 0, "AB2" is 27: the letters of a cell reference in base 26. */
    private static int column(String reference) {
        int column = 0;
        for (char c : reference.toCharArray()) {
            if (!Character.isLetter(c)) {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }
}
