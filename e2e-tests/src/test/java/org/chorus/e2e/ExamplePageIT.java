package org.chorus.e2e;

import static org.awaitility.Awaitility.await;
import static org.chorus.e2e.SystemUnderTest.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;

/**
 * A partner's website shows the partnership's draft-priorities survey with the example page the gateway serves
 * under /examples/ (issue 5). A respondent using the keyboard alone is told what is missing next to the question,
 * ranks the priorities, and sends the response, which arrives with their ranking, through that partner's website.
 */
class ExamplePageIT {

    /** The respondent's ranking, most important first; the survey lists them in another order. */
    private static final List<String> CHOSEN_ORDER = List.of("dying-preferred-place", "living-prevention",
            "starting-first-1000-days", "living-employment", "living-large-organisations", "ageing-care-at-home");
    private static final String FEEDBACK = "More GP appointments in the evening, please.";

    @Test
    void aKeyboardUserAnswersTheSeedSurveyOnAPartnersPageAndItArrives() throws Exception {
        String gateway = SystemUnderTest.stack().gatewayUrl().toString();
        String icb = Directory.registerOrganisation("ICB running the survey", "ICB");
        String staff = Directory.issueSecretKey(icb, "surveys:manage", "exports:read")[1];
        // The page is served by the gateway, so the partner's allowed origin is the gateway's own, as a browser spells it.
        String healthwatch = Directory.registerOrganisation("Healthwatch with the example page", "HEALTHWATCH", gateway);
        String website = Directory.issuePublishableKey(healthwatch);
        await().atMost(Duration.ofSeconds(10)).until(() -> as(staff).get("/api/v1/surveys").statusCode(), equalTo(200));

        String title = "Our draft priorities " + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode survey = Surveys.seedWithEveryQuestionType(title);
        String surveyId = Surveys.createAndOpen(staff, survey);
        // A second open survey, so that the page offers a choice instead of showing the only one.
        String another = Surveys.createAndOpen(staff, Surveys.seedWithEveryQuestionType(title + " (another)"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> as(website).header("Origin", gateway).get("/api/v1/surveys/" + surveyId).statusCode(),
                        equalTo(200));

        assertNotModifiedThroughTheGateway(website, gateway, "/api/v1/surveys/" + surveyId);

        ExamplePage.Receipt receipt;
        ExamplePage.Receipt lostAnswer;
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            ExamplePage page = new ExamplePage(chromium.driver()).open(gateway + "/examples/?key=" + website);
            page.pickSurvey(title);
            assertEquals(title, page.heading());
            assertCompressed(page.transfers("/api/v1/surveys/" + surveyId));
            assertTrue(page.glossaryTerms().contains("Zero-hours contracts"), "the glossary: " + page.glossaryTerms());

            answerEverythingButTheRanking(page);
            page.send();
            page.awaitErrorSummary();
            assertEquals("error-summary", page.focusedElementId(), "the focus moves to the error summary");
            assertEquals("Please answer this question.", page.errorAt("priorities"), "shown next to the ranking");

            page.moveWithKeyboard("priorities", "dying-preferred-place", "up", 5, Keys.ENTER);
            page.moveWithKeyboard("priorities", "living-prevention", "up", 3, Keys.SPACE);
            assertEquals(CHOSEN_ORDER, page.ranking("priorities"));
            assertEquals(labels(survey).get("living-prevention") + ": now number 2 of 6.",
                    page.announcement("priorities"));
            page.send();
            receipt = page.awaitReceipt();
            assertEquals("receipt-title", page.focusedElementId(), "the focus moves to the receipt");

            // A respondent coming back: the browser kept the list of open surveys and the survey, asks again with
            // If-None-Match, and a 304 confirms each copy; neither is downloaded twice.
            assertRevalidated(page.open(gateway + "/examples/?key=" + website).transfers("/api/v1/surveys"));
            page.pickSurvey(title);
            assertRevalidated(page.transfers("/api/v1/surveys/" + surveyId));

            lostAnswer = answerAnotherLosingTheFirstAnswer(page.open(gateway + "/examples/?key=" + website), title);
        }
        assertEquals(null, lostAnswer.erasureToken(), "the token was in the answer that was lost");
        assertTrue(lostAnswer.explanation().startsWith("Your answers had already arrived when the connection failed")
                && lostAnswer.explanation().contains("quote your response number"), lostAnswer.explanation());
        assertEquals(lostAnswer.responseId(), onlyExportedResponse(staff, another, lostAnswer.responseId())
                .get("response_id"), "sent twice, kept once");
        // which the survey's organisation, asked to, erases the response by
        as(staff).delete("/api/v1/surveys/" + another + "/responses/" + lostAnswer.responseId()).then()
                .statusCode(204);
        assertEquals("", as(staff).get("/api/v1/surveys/" + another + "/responses/export?format=ndjson").then()
                .statusCode(200).extract().asString(), "erased");
        assertTrue(receipt.erasureToken().startsWith("ert_"), receipt.erasureToken());
        assertTrue(receipt.explanation().contains("erasure token lets you have these answers erased"),
                receipt.explanation());

        Map<String, String> row = onlyExportedResponse(staff, surveyId, receipt.responseId());
        List<String> ranked = new ArrayList<>();
        for (int rank = 1; rank <= CHOSEN_ORDER.size(); rank++) {
            ranked.add(row.get("priorities_rank_" + rank));
        }
        assertEquals(CHOSEN_ORDER.stream().map(labels(survey)::get).toList(), ranked, "the ranking chosen in the browser");
        Map.of("channel", "ONLINE", "issues-prevention_fuel-poverty", "1", "issues-prevention_food-poverty", "0",
                "how-easy", "4", "disability", "No", "place", "blackpool", "other-feedback", FEEDBACK)
                .forEach((column, value) -> assertEquals(value, row.get(column), column));

        JsonNode submitted = ResponseEvents.submitted(receipt.responseId(), Duration.ofSeconds(30));
        assertEquals(healthwatch, submitted.path("viaOrganisationId").asText(), "came through the partner's website");
        assertEquals(icb, submitted.path("surveyOrganisationId").asText());
    }

    /** The last of a page's reads of a path came over the network with fewer bytes than its body: a 304's head. */
    private static void assertRevalidated(List<List<Long>> reads) {
        assertFalse(reads.isEmpty(), "the page read it");
        long overNetwork = reads.get(reads.size() - 1).get(0);
        long body = reads.get(reads.size() - 1).get(1);
        assertTrue(overNetwork > 0 && overNetwork < body, "revalidated, not downloaded again: " + reads);
    }

    /** The browser read the survey gzip-coded from the gateway, in less than half its bytes, and decoded it. */
    private static void assertCompressed(List<List<Long>> reads) {
        assertEquals(1, reads.size(), "read once: " + reads);
        long sent = reads.get(0).get(1);
        long read = reads.get(0).get(2);
        assertTrue(sent > 0 && sent * 2 < read, "compressed: " + reads);
    }

    /** A partner's own code asking again with the ETag it kept: 304, readable by its page. */
    private static void assertNotModifiedThroughTheGateway(String website, String gateway, String survey) {
        String kept = as(website).header("Origin", gateway).get(survey).then().statusCode(200)
                .header("Cache-Control", "private, no-cache").extract().header("ETag");
        Response again = as(website).header("Origin", gateway).header("If-None-Match", kept).get(survey);
        again.then().statusCode(304).header("ETag", kept).header("Access-Control-Allow-Origin", gateway)
                .header("X-Request-Id", notNullValue());
        assertEquals("", again.asString(), "a 304 has no body");
        String varies = String.join(",", again.headers().getValues("Vary"));
        for (String header : List.of("Origin", "Authorization", "Accept-Language")) {
            assertTrue(varies.contains(header), "Vary: " + varies);
        }
    }

    /**
     * The other survey, answered; the answer to the first sending is lost on the way back, and the respondent, told
     * the service could not be reached, sends again.
     */
    private static ExamplePage.Receipt answerAnotherLosingTheFirstAnswer(ExamplePage page, String title) {
        page.pickSurvey(title + " (another)");
        answerEverythingButTheRanking(page);
        page.moveWithKeyboard("priorities", "living-prevention", "up", 1, Keys.ENTER);
        page.loseTheNextAnswer();
        page.send();
        assertTrue(page.awaitErrorSummary().getText().contains("could not be reached"),
                page.awaitErrorSummary().getText());
        page.send();
        return page.awaitReceipt();
    }

    /** Every other question, answered with ordinary clicks and typing. */
    private static void answerEverythingButTheRanking(ExamplePage page) {
        page.choose("issues-prevention", "mental-wellbeing");
        page.choose("issues-prevention", "fuel-poverty");
        page.write("other-feedback", FEEDBACK);
        page.rate("how-easy", 4);
        page.choose("place", "blackpool");
        page.choose("living-or-working", "both");
        page.choose("disability", "no");
        page.agreeToKeep("disability");
    }

    /**
     * The survey's export, once it holds the response (exports hold back the last few seconds), as the row of that
     * response; the attempt the API refused must have stored nothing, so it is the only row.
     */
    private static Map<String, String> onlyExportedResponse(String key, String surveyId, String responseId)
            throws Exception {
        String path = "/api/v1/surveys/" + surveyId + "/responses/export?format=ndjson";
        await().atMost(Duration.ofSeconds(20)).until(() -> as(key).get(path).asString().contains(responseId));
        List<String> lines = as(key).get(path).then().statusCode(200).extract().asString().lines().toList();
        assertEquals(1, lines.size(), "one response, sent once: " + lines);
        Map<String, String> row = new ObjectMapper().readerForMapOf(String.class).readValue(lines.get(0));
        assertEquals(responseId, row.get("response_id"));
        return row;
    }

    /** The English labels of the ranking's items, by id, as the export shows them. */
    private static Map<String, String> labels(JsonNode survey) {
        Map<String, String> labels = new HashMap<>();
        survey.at("/sections/0/questions/0/options")
                .forEach(option -> labels.put(option.path("id").asText(), option.at("/label/en").asText()));
        return labels;
    }
}
