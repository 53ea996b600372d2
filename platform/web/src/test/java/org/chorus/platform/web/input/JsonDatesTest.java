package org.chorus.platform.web.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A date or time is read from its ISO 8601 text alone, and only where PostgreSQL can store it. */
class JsonDatesTest {

    private static final ObjectMapper REQUESTS = new ObjectMapper().registerModule(new JavaTimeModule());

    static {
        new JsonDates().customize(REQUESTS);
    }

    record Key(LocalDate startDate, Instant expiresAt, OffsetDateTime at, List<LocalDate> days) {
    }

    @Test
    void isoTextIsRead() throws Exception {
        assertEquals(new Key(LocalDate.of(2024, 6, 1), Instant.parse("2026-01-01T08:30:00Z"),
                OffsetDateTime.of(2024, 6, 1, 8, 30, 0, 0, ZoneOffset.UTC), List.of(LocalDate.of(2019, 3, 14))),
                REQUESTS.readValue("{\"startDate\": \"2024-06-01\", \"expiresAt\": \"2026-01-01T09:30:00+01:00\", "
                        + "\"at\": \"2024-06-01T09:30:00+01:00\", \"days\": [\"2019-03-14\"]}", Key.class));
        assertEquals(Instant.parse("2026-01-01T09:30:00.123456Z"),
                REQUESTS.readValue("{\"expiresAt\": \"2026-01-01T09:30:00.123456Z\"}", Key.class).expiresAt());
    }

    @Test
    void numbersArraysAndOtherTextAreRefusedAtTheirField() {
        String date = "expected a date written as 2024-06-01";
        String time = "expected a time written as 2024-06-01T09:30:00Z, or with an offset in place of Z";
        // A yyyymmdd number was day 20,240,601 after 1970; milliseconds were read as seconds, the year 57971.
        assertRefused("{\"startDate\": 20240601}", "startDate", date);
        assertRefused("{\"startDate\": [2024, 6, 1]}", "startDate", date);
        assertRefused("{\"startDate\": \"2024-06-01T23:30:00\"}", "startDate", date);
        assertRefused("{\"startDate\": \"\"}", "startDate", date);
        assertRefused("{\"startDate\": \"01/06/2024\"}", "startDate", date);
        assertRefused("{\"days\": [\"2019-03-14\", 20190314]}", "days", date);
        assertRefused("{\"expiresAt\": 1767225600000}", "expiresAt", time);
        assertRefused("{\"expiresAt\": \"1767225600\"}", "expiresAt", time);
        assertRefused("{\"expiresAt\": 1767225600.5}", "expiresAt", time);
        assertRefused("{\"expiresAt\": \"2026-01-01T09:30:00\"}", "expiresAt", time);
        assertRefused("{\"at\": 1717200000}", "at", time);
        assertRefused("{\"startDate\": \"+5874898-01-01\"}", "startDate", JsonDates.RULE);
    }

    private static void assertRefused(String json, String field, String rule) {
        RefusedJsonValue refused = assertThrows(RefusedJsonValue.class, () -> REQUESTS.readValue(json, Key.class), json);
        assertEquals(field, refused.getPath().get(0).getFieldName(), json);
        assertEquals(rule, refused.rule(), json);
    }
}
