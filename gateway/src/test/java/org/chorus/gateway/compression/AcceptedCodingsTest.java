package org.chorus.gateway.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Accept-Encoding as browsers, curl, HTTP libraries and careless clients write it (RFC 9110, 12.5.3). */
class AcceptedCodingsTest {

    @ParameterizedTest(name = "[{0}] takes gzip: {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "gzip, deflate, br, zstd       | true",   // Chromium
            "gzip, deflate                  | true",   // curl --compressed, Python requests
            "GZIP                           | true",   // codings are case-insensitive
            "x-gzip                         | true",
            "br;q=1.0, gzip;q=0.8, *;q=0.1  | true",
            "gzip;q=0.001                   | true",
            "gzip ; Q=0.5                   | true",
            "*                              | true",
            "identity;q=0.5, *;q=0.1        | true",
            "gzip;q=0                       | false",
            "gzip;q=0.000                   | false",
            "*;q=0                          | false",
            "gzip;q=0, *                    | false",  // named, and refused: the wildcard covers the others
            "identity                       | false",
            "br, deflate                    | false",
            "''                             | false",
            "gzip;q=2                       | false",  // not a qvalue
            "gzip;q=0.5000                  | false",  // nor this: three decimals at most
            "gzip;q=                        | false",
            "gzip;q=abc                     | false",
            "gzip;level=9                   | true",   // a parameter that is not a weight leaves the weight at 1
            "deflate;q=0.5, gzip;q=0.4      | true",   // the gateway has gzip only; a lower weight is still yes
    })
    void readsOneLine(String header, boolean gzip) {
        assertEquals(gzip, AcceptedCodings.gzip(List.of(header)));
    }

    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "br           | gzip       | true",
            "gzip;q=0     | *          | false",
            "identity     | *;q=0.3    | true",
            "deflate      | br         | false",
    })
    void readsSeveralLinesAsOneList(String first, String second, boolean gzip) {
        assertEquals(gzip, AcceptedCodings.gzip(List.of(first, second)));
    }

    @Test
    void noHeaderMeansTheAnswerAsItIs() {
        assertFalse(AcceptedCodings.gzip(List.of()));
    }
}
