package org.chorus.platform.web.input;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Predicate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses dates and times in a request body that PostgreSQL cannot store ({@link PostgresRanges}): Jackson reads
 * {@code "decidedOn": -2147483648} as a day five million years ago, and the insert it reached would fail with a 500
 * instead of a 400 naming the field.
 */
@Singleton
public class JsonDateRanges implements ObjectMapperCustomizer {

    static final String RULE = "must be a date between 4713 BC and 5874897 AD";

    /** After Quarkus' own customizers, which register Jackson's JavaTimeModule: its readers would replace these. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper objectMapper) {
        SimpleModule module = new SimpleModule("chorus-json-date-ranges");
        module.addDeserializer(LocalDate.class,
                new InRange<>(LocalDate.class, LocalDateDeserializer.INSTANCE, PostgresRanges::holds));
        module.addDeserializer(Instant.class,
                new InRange<>(Instant.class, InstantDeserializer.INSTANT, PostgresRanges::holds));
        module.addDeserializer(OffsetDateTime.class, new InRange<>(OffsetDateTime.class,
                InstantDeserializer.OFFSET_DATE_TIME, time -> PostgresRanges.holds(time.toInstant())));
        objectMapper.registerModule(module);
    }

    private static final class InRange<T> extends StdScalarDeserializer<T> {

        private final transient JsonDeserializer<T> reader;
        private final transient Predicate<T> holds;

        InRange(Class<T> type, JsonDeserializer<T> reader, Predicate<T> holds) {
            super(type);
            this.reader = reader;
            this.holds = holds;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = reader.deserialize(parser, context);
            if (value != null && !holds.test(value)) {
                throw new RefusedJsonValue(parser, RULE, handledType());
            }
            return value;
        }
    }
}
