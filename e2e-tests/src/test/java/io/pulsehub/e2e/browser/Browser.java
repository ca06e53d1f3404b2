package io.pulsehub.e2e.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver: a fresh browser with
 * a fresh profile for each test, screenshots under {@code target/screenshots}, and one
 * more, {@code <test>-FAILED.png}, of whatever the browser showed when a test failed.
 * <p>
 * Both executables are named explicitly, so Selenium Manager is never asked to find or
 * download a driver or a browser. When they are missing the test class fails before the
 * mesh starts, telling the developer to run {@code .ci/install-browser}.
 */
final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/**
	 * Selenium warns on every start that it has no CDP bindings for this Chromium; the
	 * tests use WebDriver only, so that warning is noise. Held so the level sticks.
	 */
	private static final List<Logger> QUIETED = List.of(
			Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
			Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

	static {
		QUIETED.forEach((logger) -> logger.setLevel(Level.SEVERE));
	}

	private final Path screenshots;

	private final Thread quitOnExit = new Thread(this::quit, "browser-quit");

	private ChromeDriver driver;

	private Path profile;

	private String testName;

	Browser(Path screenshots) {
		this.screenshots = screenshots;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(executable)) {
				throw new IllegalStateException(executable + " is missing: the browser tests drive Debian's Chromium "
						+ "and chromedriver. Install them with .ci/install-browser (as root) and run again.");
			}
		}
		Runtime.getRuntime().addShutdownHook(this.quitOnExit);
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		this.testName = context.getRequiredTestMethod().getName();
		this.profile = Files.createTempDirectory("pulsehub-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1400,1400", "--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		try {
			if (context.getExecutionException().isPresent() && this.driver != null) {
				screenshot("FAILED");
			}
		}
		catch (WebDriverException ex) {
			context.publishReportEntry("screenshot", "none, the browser did not answer: " + ex.getMessage());
		}
		finally {
			quit();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		try {
			Runtime.getRuntime().removeShutdownHook(this.quitOnExit);
		}
		catch (IllegalStateException ex) {
			// already shutting down: the hook quits the browser
		}
	}

	WebDriver driver() {
		return this.driver;
	}

	/**
	 * Waits, polling the page, up to the given time; an element the page re-rendered
	 * while it was read just means another poll.
	 * @param timeout how long at most
	 * @return a wait to call {@code until} on
	 */
	WebDriverWait waitUpTo(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout, Duration.ofMillis(250));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/**
	 * Saves what the browser shows as {@code target/screenshots/<test>-<step>.png}.
	 * @param step what the page is, e.g. {@code login}
	 * @return the file written
	 */
	Path screenshot(String step) throws IOException {
		Files.createDirectories(this.screenshots);
		Path file = this.screenshots.resolve(this.testName + "-" + step + ".png");
		Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
		return file;
	}

	/**
	 * Ends the browser and chromedriver and deletes the profile; also run by a shutdown
	 * hook, so a test JVM that is stopped leaves no Chromium behind.
	 */
	private synchronized void quit() {
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			this.driver = null;
			if (this.profile != null) {
				FileSystemUtils.deleteRecursively(this.profile.toFile());
				this.profile = null;
			}
		}
	}

}
