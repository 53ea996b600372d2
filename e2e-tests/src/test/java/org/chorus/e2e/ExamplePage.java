package org.chorus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The example survey page the gateway serves under /examples/, as a respondent uses it in a browser. Each question's
 * element has the id {@code q-<question id>}, which is also where the page shows that question's error.
 */
final class ExamplePage {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final WebDriverWait wait;

    ExamplePage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, PATIENCE);
    }

    /** Opens the page and waits until it shows a survey or the list of open surveys. */
    ExamplePage open(String url) {
        driver.get(url);
        wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("chorus-form")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".survey-list a"))));
        return this;
    }

    /** Follows the link to the open survey with this title, and waits for its questions. */
    void pickSurvey(String title) {
        driver.findElement(By.linkText(title)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chorus-form")));
    }

    String heading() {
        return driver.findElement(By.id("page-title")).getText();
    }

    List<String> glossaryTerms() {
        return driver.findElements(By.cssSelector("#glossary dt")).stream()
                .map(term -> term.getDomProperty("textContent")).toList();
    }

    /** Ticks a box of a choose-several question, or chooses an option of a single-choice or demographic one. */
    void choose(String questionId, String optionId) {
        option(questionId, optionId).click();
    }

    void rate(String questionId, int point) {
        option(questionId, Integer.toString(point)).click();
    }

    void agreeToKeep(String questionId) {
        driver.findElement(By.id("q-" + questionId + "-consent")).click();
    }

    void write(String questionId, String text) {
        driver.findElement(By.id("q-" + questionId + "-input")).sendKeys(text);
    }

    /**
     * Moves a ranking item up or down by pressing {@code key} (Enter or Space) on its button, as often as given, with
     * no mouse. The first press focuses the button as Tab would; every later press goes to whatever has the focus,
     * which must still be the moved item's own button.
     */
    void moveWithKeyboard(String questionId, String itemId, String direction, int presses, Keys key) {
        By item = By.cssSelector("#q-" + questionId + " li[data-item='" + itemId + "']");
        driver.findElement(item).findElement(By.cssSelector("button[data-move='" + direction + "']")).sendKeys(key);
        for (int press = 1; press < presses; press++) {
            WebElement focused = driver.switchTo().activeElement();
            assertEquals(itemId, focused.findElement(By.xpath("ancestor::li")).getDomAttribute("data-item"),
                    "the focus stays on the moved item's buttons");
            new Actions(driver).sendKeys(key).perform();
        }
    }

    /** The ranking's item ids in the order shown. */
    List<String> ranking(String questionId) {
        return driver.findElements(By.cssSelector("#q-" + questionId + " li[data-item]")).stream()
                .map(li -> li.getDomAttribute("data-item")).toList();
    }

    /** What the ranking's live region last told screen-reader users. */
    String announcement(String questionId) {
        return driver.findElement(By.id("q-" + questionId + "-announcement")).getDomProperty("textContent");
    }

    /** Sends the answers with the keyboard, from the submit button. */
    void send() {
        driver.findElement(By.cssSelector("#chorus-form button[type='submit']")).sendKeys(Keys.ENTER);
    }

    /**
     * Makes the connection fail once the next answers have been sent and before the API's answer arrives, as a phone
     * losing its signal does: the API has the answers, and the page does not know.
     */
    void loseTheNextAnswer() {
        ((JavascriptExecutor) driver).executeScript("""
                const send = window.fetch;
                let lost = false;
                window.fetch = async (resource, options) => {
                  const answer = await send(resource, options);
                  if (!lost && options && options.method === 'POST') {
                    lost = true;
                    throw new TypeError('Failed to fetch');
                  }
                  return answer;
                };""");
    }

    /**
     * What Resource Timing says of each request the page made to a path: its bytes over the network, its body's as
     * sent (compressed or not), and its body's as read. A body kept by the browser and confirmed by a 304 arrives with
     * fewer bytes over the network than it has.
     */
    List<List<Long>> transfers(String path) {
        @SuppressWarnings("unchecked")
        List<List<Long>> sizes = (List<List<Long>>) ((JavascriptExecutor) driver).executeScript("""
                return performance.getEntriesByType('resource')
                  .filter((entry) => new URL(entry.name).pathname === arguments[0])
                  .map((entry) => [entry.transferSize, entry.encodedBodySize, entry.decodedBodySize]);""", path);
        return sizes;
    }

    /** Waits until the error summary shows, and returns it. */
    WebElement awaitErrorSummary() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
    }

    /** The error shown inside the question's own element. */
    String errorAt(String questionId) {
        return driver.findElement(By.id("q-" + questionId + "-error")).getText();
    }

    String focusedElementId() {
        return driver.switchTo().activeElement().getDomAttribute("id");
    }

    /** Waits until the receipt shows, and returns what it says. */
    Receipt awaitReceipt() {
        WebElement receipt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chorus-receipt")));
        List<WebElement> token = receipt.findElements(By.id("receipt-erasure-token"));
        return new Receipt(receipt.findElement(By.id("receipt-response-id")).getText(),
                token.isEmpty() ? null : token.get(0).getText(), receipt.findElement(By.tagName("p")).getText());
    }

    /**
     * The receipt as the page shows it: the response's id, its erasure token (null when it shows none) and the
     * sentence explaining that.
     */
    record Receipt(String responseId, String erasureToken, String explanation) {
    }

    private WebElement option(String questionId, String optionId) {
        return driver.findElement(By.id("q-" + questionId + "-option-" + optionId));
    }
}
