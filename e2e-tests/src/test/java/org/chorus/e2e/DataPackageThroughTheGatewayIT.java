package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;

/**
 * A data package pulled through the gateway, read by a program nobody here wrote: Debian's PSPP runs the package's
 * survey.sps on its CSV, and what PSPP then holds (every variable with its label, value labels and measurement
 * level, and every value of every case) must be the survey and the responses given to it.
 */
class DataPackageThroughTheGatewayIT {

    private static final Path PSPP = Path.of("/usr/bin/pspp");
    private static final String WELSH = "cy";

    @Test
    void psppReadsTheDataPackageAsTheSurveyAndItsResponses(@TempDir Path folder) throws Exception {
        assertTrue(Files.isExecutable(PSPP), PSPP + " is missing. This test needs Debian's pspp: apt-get install pspp "
                + "(the build installs it when it can: see e2e-tests/install-test-programs)");
        String icb = Directory.registerOrganisation("Data package ICB (e2e)", "ICB");
        String staff = Directory.issueSecretKey(icb, "surveys:manage")[1];
        String analyst = Directory.issueSecretKey(icb, "exports:read")[1];
        String coder = Directory.issueSecretKey(icb, Scopes.CODING_MANAGE, Scopes.CODING_WRITE)[1];
        ObjectNode definition = KnownResponses.partlyWelsh(
                Surveys.seedWithEveryQuestionType("Data package " + UUID.randomUUID()));
        String surveyId = Surveys.createAndOpen(staff, definition);

        Map<String, KnownResponses.Given> given = new LinkedHashMap<>();
        for (KnownResponses.Given response : KnownResponses.all()) {
            String id = as(staff).contentType(ContentType.JSON).body(response.body()).when()
                    .post("/api/v1/surveys/" + surveyId + "/responses").then().statusCode(201)
                    .extract().path("responseId");
            given.put(id, response);
        }
        ExpectedVariables.Coded coded = code(coder, new ArrayList<>(given.keySet()));
        String export = "/api/v1/surveys/" + surveyId + "/responses/export";
        // exports hold responses from a few seconds back, so that resuming never skips one still committing
        await().atMost(Duration.ofSeconds(30)).until(() -> as(analyst).queryParam("format", "ndjson").get(export)
                .asString().lines().count(), equalTo((long) given.size()));
        byte[] zip = as(analyst).queryParam("format", "datapackage").queryParam("lang", WELSH).when().get(export)
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        unzip(zip, folder);

        Files.writeString(folder.resolve("check.sps"), Files.readString(folder.resolve("survey.sps"))
                + "SET TVARS=NAMES.\nDISPLAY DICTIONARY.\nLIST.\n");
        PsppOutput pspp = PsppOutput.run(PSPP, folder, "check.sps");

        ExpectedVariables expected = new ExpectedVariables(definition, WELSH, coded);
        assertEquals(new ArrayList<>(expected.variables().keySet()), pspp.variableNames(),
                "every column, named for SPSS");
        expected.variables().forEach((name, variable) -> assertEquals(variable, pspp.variable(name), name));

        List<Map<String, String>> cases = pspp.cases();
        assertEquals(given.size(), cases.size(), "one case per response");
        for (Map<String, String> read : cases) {
            KnownResponses.Given response = given.get(read.get("response_id"));
            assertTrue(response != null, "a response given: " + read.get("response_id"));
            Map<String, String> values = new HashMap<>(read);
            assertTrue(values.remove("submitted_at").endsWith("Z"), "a time in UTC");
            assertEquals(expected.values(read.get("response_id"), response), values);
        }
    }

    /**
     * Codes the first response's free text with two categories of a frame of the organisation's own and marks the
     * second's as impossible to code; the others' free text stays uncoded (or was never written).
     */
    private static ExpectedVariables.Coded code(String coder, List<String> responseIds) {
        String frameId = as(coder).contentType(ContentType.JSON).body(RequestBodies.codingFrame("access-waiting"))
                .post("/api/v1/coding-frames").then().statusCode(201).extract().path("id");
        Map<String, List<String>> codings = new LinkedHashMap<>();
        codings.put(responseIds.get(0), List.of("access-waiting", "staff"));
        codings.put(responseIds.get(1), null);
        codings.forEach((responseId, categories) -> as(coder).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .queryParam("questionId", KnownResponses.FREE_TEXT)
                .body(categories == null ? Map.of("frameId", frameId, "cannotBeCoded", true)
                        : Map.of("frameId", frameId, "categories", categories))
                .put("/api/v1/responses/" + responseId + "/coding").then().statusCode(200));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("access", "Access");
        labels.put("access-waiting", "access-waiting");
        labels.put("staff", "Staff");
        return new ExpectedVariables.Coded(KnownResponses.FREE_TEXT, labels, codings);
    }

    private static void unzip(byte[] zip, Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                Files.write(folder.resolve(entry.getName()), in.readAllBytes());
            }
        }
        assertEquals(List.of("responses.csv", "datapackage.json", "survey.sps", "README.txt"), names);
    }

    /** PSPP's answers, as it ran and wrote its output tables as CSV. */
    static final class PsppOutput {

        /** A variable as PSPP's dictionary holds it. */
        record Variable(String label, String level, Map<String, String> valueLabels) {
        }

        private final Map<String, List<List<String>>> tables;

        private PsppOutput(Map<String, List<List<String>>> tables) {
            this.tables = tables;
        }

        static PsppOutput run(Path pspp, Path folder, String syntax) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(pspp.toString(), "-O", "format=csv", "-o", "out.csv", syntax)
                    .directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("pspp.log").toFile()).start();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "pspp finishes");
            String log = Files.readString(folder.resolve("pspp.log"));
            assertEquals(0, process.exitValue(), log);
            String output = Files.readString(folder.resolve("out.csv"));
            assertTrue(!output.contains("error:") && !output.contains("warning:"), "pspp read it cleanly: " + output);
            return new PsppOutput(PsppTables.parse(output));
        }

        List<String> variableNames() {
            return tables.get("Variables").stream().skip(1).map(row -> row.get(0)).toList();
        }

        Variable variable(String name) {
            List<String> row = tables.get("Variables").stream().filter(r -> r.get(0).equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("pspp has no variable " + name));
            Map<String, String> labels = new LinkedHashMap<>();
            String current = null;
            for (List<String> label : tables.getOrDefault("Value Labels", List.of()).stream().skip(1).toList()) {
                current = label.get(0).isEmpty() ? current : label.get(0);
                if (name.equals(current)) {
                    labels.put(label.get(1), label.get(2));
                }
            }
            return new Variable(row.get(2), row.get(3), labels);
        }

        /** LIST's cases, each by variable name. */
        List<Map<String, String>> cases() {
            List<List<String>> list = tables.get("Data List");
            List<Map<String, String>> cases = new ArrayList<>();
            for (List<String> row : list.subList(1, list.size())) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < row.size(); i++) {
                    values.put(list.get(0).get(i), row.get(i));
                }
                cases.add(values);
            }
            return cases;
        }
    }
}
