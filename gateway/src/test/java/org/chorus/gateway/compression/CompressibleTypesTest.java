package org.chorus.gateway.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which of the services' answers are text worth compressing, by the Content-Type they give. */
class CompressibleTypesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "application/json                                                    | true",
            "application/json;charset=UTF-8                                      | true",
            "Application/JSON                                                    | true",
            "application/problem+json                                            | true",
            "application/schema+json                                             | true",
            "application/x-ndjson                                                | true",
            "text/csv; charset=UTF-8                                             | true",
            "application/yaml;charset=UTF-8                                      | true",
            "text/plain                                                          | true",
            "application/zip                                                     | false",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet   | false",
            "application/octet-stream                                            | false",
            "text/event-stream                                                   | false",
            "image/png                                                           | false",
            "none                                                                | false",
    })
    void textIsCompressedAndWhatIsCompressedAlreadyIsNot(String contentType, boolean compressible) {
        assertEquals(compressible, ResponseCompression.compressible(contentType));
    }
}
