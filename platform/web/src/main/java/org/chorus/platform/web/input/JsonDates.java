package org.chorus.platform.web.input;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.inject.Singleton;

import org.chorus.platform.web.problem.ExpectedForms;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A date or time in a request body is its ISO 8601 text, and one PostgreSQL can store ({@link PostgresRanges}).
 * Jackson reads more, and stores what was not meant: a number as a count of days or seconds since 1970, so that
 * {@code "startDate": 20240601} became the year 57386 and an API key's {@code "expiresAt": 1767225600000} (milliseconds,
 * as JavaScript gives them) a key that never expires; a date with a time, {@code "2024-06-01T23:30:00"}, as its day
 * with the time dropped; {@code ""} as no date; and {@code "decidedOn": -2147483648} as a day five million years ago,
 * whose insert failed with a 500. Each is a 400 naming the field.
 */
@Singleton
public class JsonDates implements ObjectMapperCustomizer {

    static final String RULE = PostgresRanges.DATE_RULE;

    /** After Quarkus' own customizers, which register Jackson's JavaTimeModule: its readers would replace these. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper objectMapper) {
        SimpleModule module = new SimpleModule("chorus-json-dates");
        module.addDeserializer(LocalDate.class, new IsoText<>(LocalDate.class, LocalDate::parse, PostgresRanges::holds));
        module.addDeserializer(Instant.class, new IsoText<>(Instant.class,
                text -> OffsetDateTime.parse(text).toInstant(), PostgresRanges::holds));
        // In UTC, as Jackson's own reader gives it (ADJUST_DATES_TO_CONTEXT_TIME_ZONE).
        module.addDeserializer(OffsetDateTime.class, new IsoText<>(OffsetDateTime.class,
                text -> OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC),
                time -> PostgresRanges.holds(time.toInstant())));
        objectMapper.registerModule(module);
    }

    private static final class IsoText<T> extends StdScalarDeserializer<T> {

        /** Reads ISO 8601 text strictly; throws DateTimeParseException for anything else. */
        private final transient Function<String, T> reader;
        private final transient Predicate<T> holds;

        IsoText(Class<T> type, Function<String, T> reader, Predicate<T> holds) {
            super(type);
            this.reader = reader;
            this.holds = holds;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw notIso(parser);
            }
            T value;
            try {
                value = reader.apply(parser.getText());
            } catch (DateTimeParseException e) {
                throw notIso(parser);
            }
            if (!holds.test(value)) {
                throw new RefusedJsonValue(parser, RULE, handledType());
            }
            return value;
        }

        private RefusedJsonValue notIso(JsonParser parser) {
            return new RefusedJsonValue(parser, "expected " + ExpectedForms.of(handledType()), handledType());
        }
    }
}
