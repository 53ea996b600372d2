package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.Scopes.EXPORTS_READ;
import static org.chorus.e2e.Scopes.SURVEYS_MANAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Submissions the gateway cannot finish, each carrying a whole response in its first chunk: a body whose framing
 * breaks after it (answered 400, "Nothing was done with this request"), and a caller gone before the last chunk (never
 * answered). Neither may be stored, and every whole submission sent beside them must be: counted in the export.
 */
class UnfinishedSubmissionsIT {

    /** Of each kind: broken, abandoned and whole, interleaved. */
    private static final int EACH = 10;
    private static final Tenant TENANT = Tenant.register("Unfinished " + UUID.randomUUID().toString().substring(0, 8));

    @Test
    void noBrokenOrAbandonedSubmissionIsStoredAndEveryWholeOneIs() throws IOException {
        String survey = new Owner(TENANT).openSurvey().id();
        URI gateway = SystemUnderTest.stack().gatewayUrl();
        String head = "POST /api/v1/surveys/" + survey + "/responses HTTP/1.1\r\nHost: " + gateway.getHost() + ":"
                + gateway.getPort() + "\r\nAuthorization: Bearer " + TENANT.key(SURVEYS_MANAGE)
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        byte[] submission = RequestBodies.paperResponse().getBytes(StandardCharsets.UTF_8);
        String wholeChunk = Integer.toHexString(submission.length) + "\r\n"
                + new String(submission, StandardCharsets.UTF_8) + "\r\n";

        for (int i = 0; i < EACH; i++) {
            assertEquals("HTTP/1.1 400 Bad Request", exchange(gateway, head + wholeChunk + "zz\r\n"),
                    "a chunk size that is not hexadecimal, after a whole submission");
            try (Socket caller = new Socket(gateway.getHost(), gateway.getPort())) {
                caller.setSoLinger(true, 0);
                caller.getOutputStream().write((head + wholeChunk).getBytes(StandardCharsets.UTF_8));
            }
            assertEquals("HTTP/1.1 201 Created", exchange(gateway, head + wholeChunk + "0\r\n\r\n"));
        }

        String export = "/api/v1/surveys/" + survey + "/responses/export?format=ndjson";
        // An export holds responses from a few seconds back; every unfinished submission was sent before the last
        // whole one, so once that one shows, any of them stored would show too.
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(export) >= EACH);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(EACH,
                rows(export), "responses stored, of " + EACH + " whole submissions and " + 2 * EACH + " unfinished"));
    }

    private static long rows(String export) {
        return TENANT.with(EXPORTS_READ).get(export).then().statusCode(200).extract().asString().lines()
                .filter(line -> !line.isBlank()).count();
    }

    /** Sends the bytes on a connection of its own and gives the status line of the answer. */
    private static String exchange(URI gateway, String request) throws IOException {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            return line.toString(StandardCharsets.US_ASCII).strip();
        }
    }
}
