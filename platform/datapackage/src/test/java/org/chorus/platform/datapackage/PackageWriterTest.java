package org.chorus.platform.datapackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a package writes is what it reads back, whatever characters the cells hold, and its descriptor says so. */
class PackageWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Table PEOPLE = new Table("people", "People", "Test table",
            List.of(Field.required("id", Field.Type.INTEGER, "Id", "Row id"),
                    Field.of("said", Field.Type.STRING, "Said", "Free text").codes(List.of())),
            List.of("id"), List.of());
    private static final Table NOTES = new Table("notes", "Notes", "Refers to people",
            List.of(Field.required("person", Field.Type.INTEGER, "Person", "Who"),
                    Field.required("kind", Field.Type.STRING, "Kind", "A code").codes(List.of("A", "B"))),
            List.of("person"), List.of(Table.ForeignKey.of("person", "people", "id")));
    private static final String ALPHABET = "ab ,\"\r\n;é\u2019\t'=+-@0";

    @RepeatedTest(20)
    void cellsComeBackAsTheyWereWritten(RepetitionInfo repetition) throws IOException {
        Random random = new Random(repetition.getCurrentRepetition());
        List<String> said = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(12); c > 0; c--) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            said.add(text.toString());
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        PackageWriter writer = new PackageWriter(zip, JSON, Descriptor.root(JSON, "test", "Test", "A test",
                Instant.parse("2026-01-01T00:00:00Z")));
        PackageWriter.TableRows people = writer.table(PEOPLE);
        for (int i = 0; i < said.size(); i++) {
            people.row(Arrays.asList(Integer.toString(i), said.get(i)));
        }
        writer.table(NOTES).row(List.of("0", "A"));
        writer.finish();

        PackageReader reader = new PackageReader(new ByteArrayInputStream(zip.toByteArray()));
        assertEquals("people.csv", reader.next());
        List<String> read = new ArrayList<>();
        try (CSVParser csv = reader.csv()) {
            assertEquals(List.of("id", "said"), csv.getHeaderNames());
            for (CSVRecord record : csv) {
                read.add(record.get("said"));
            }
        }
        assertEquals(said, read, "seed " + repetition.getCurrentRepetition());
        assertEquals("notes.csv", reader.next());
        reader.csv().getRecords();
        assertEquals(PackageWriter.DESCRIPTOR, reader.next());
        assertNull(reader.next());
    }

    @Test
    void theDescriptorHoldsEachTablesSchemaAndRowCount() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        PackageWriter writer = new PackageWriter(zip, JSON, Descriptor.root(JSON, "test", "Test", "A test",
                Instant.parse("2026-01-01T00:00:00Z")));
        writer.table(PEOPLE).row(Arrays.asList("1", null));
        writer.table(NOTES);
        writer.finish();
        JsonNode descriptor = JSON.readTree(descriptorOf(zip.toByteArray()));
        assertEquals(Descriptor.PACKAGE_PROFILE, descriptor.path("$schema").asText());
        assertEquals(1, descriptor.at("/resources/0/rows").asLong());
        assertEquals(0, descriptor.at("/resources/1/rows").asLong());
        assertEquals("integer", descriptor.at("/resources/0/schema/fields/0/type").asText());
        assertEquals(true, descriptor.at("/resources/0/schema/fields/0/constraints/required").asBoolean());
        assertEquals("A", descriptor.at("/resources/1/schema/fields/1/constraints/enum/0").asText());
        assertEquals("people", descriptor.at("/resources/1/schema/foreignKeys/0/reference/resource").asText());
        assertEquals("\r\n", descriptor.at("/resources/0/dialect/lineTerminator").asText());
    }

    @Test
    void aRowOfTheWrongWidthIsABug() throws IOException {
        PackageWriter writer = new PackageWriter(new ByteArrayOutputStream(), JSON,
                Descriptor.root(JSON, "test", "Test", "A test", Instant.now()));
        PackageWriter.TableRows people = writer.table(PEOPLE);
        assertThrows(IllegalArgumentException.class, () -> people.row(List.of("1")));
    }

    private static String descriptorOf(byte[] zip) throws IOException {
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(PackageWriter.DESCRIPTOR)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no descriptor");
    }
}
