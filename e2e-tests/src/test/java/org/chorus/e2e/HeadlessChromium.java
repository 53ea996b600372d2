package org.chorus.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver. Both are named explicitly so that Selenium never
 * tries to download a browser or a driver (these machines reach no such site), and the browser is told to stay off
 * the network except for the pages a test opens.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static final List<String> ARGUMENTS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1024");

    /**
     * Selenium warns on java.util.logging that it has no DevTools bindings for this Chromium's version; the tests use
     * WebDriver only. Held here, because java.util.logging keeps loggers weakly and would forget the level.
     */
    private static final Logger DEVTOOLS_VERSION_CHECK = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** @throws AssertionError when chromium or its driver is not installed, saying how to install them */
    static HeadlessChromium start() throws IOException {
        for (Path program : List.of(BROWSER, DRIVER)) {
            if (!Files.isExecutable(program)) {
                throw new AssertionError(program + " is missing. The browser tests need Debian's chromium and "
                        + "chromium-driver: apt-get install chromium chromium-driver (the build installs them when it "
                        + "can: see e2e-tests/install-test-programs).");
            }
        }
        Path profile = Files.createTempDirectory("chorus-e2e-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile()).addArguments(ARGUMENTS)
                .addArguments("--user-data-dir=" + profile);
        return new HeadlessChromium(profile, new ChromeDriver(service, options));
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A profile left in the temporary directory harms nothing; the test's own outcome is what matters.
            System.err.println("Could not delete the browser profile " + profile + ": " + e);
        }
    }
}
