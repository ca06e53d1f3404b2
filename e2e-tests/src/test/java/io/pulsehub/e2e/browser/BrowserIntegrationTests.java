package io.pulsehub.e2e.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.pulsehub.e2e.Mesh;
import io.pulsehub.e2e.MeshExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mesh's two web UIs in a real browser: the gateway's Swagger UI over every service's
 * API, and the Spring Boot Admin dashboard behind its login. Screenshots of every page
 * land in {@code e2e-tests/target/screenshots}.
 * <p>
 * Driven with Selenium WebDriver (version from Spring Boot's {@code selenium-bom}) and
 * Debian's {@code chromium} and {@code chromedriver} packages, installed by
 * {@code .ci/install-browser}: plain Java in the same JVM and JUnit run as the rest of
 * the end-to-end tests, explicit waits instead of sleeps, a driver that always matches
 * the browser because Debian ships both from one build, and nothing that downloads a
 * browser of its own (Playwright would need a node runtime and a script beside the tests
 * for the same checks). Without the browser these tests fail, saying how to install it.
 */
@ExtendWith(MeshExtension.class)
class BrowserIntegrationTests {

	private static final List<String> SERVICE_APIS = List.of("ingestion-service", "profile-service", "stream-processor",
			"sync-service", "points-service");

	private static final Duration PAGE_LOAD = Duration.ofSeconds(30);

	/**
	 * Admin finds the apps through Eureka, which it polls: registration takes a while.
	 */
	private static final Duration REGISTRATION = Duration.ofMinutes(3);

	@RegisterExtension
	static final Browser browser = new Browser(Path.of("target", "screenshots"));

	private static Mesh mesh;

	@BeforeAll
	static void useMesh(Mesh running) {
		mesh = running;
	}

	@Test
	void swaggerUiListsEveryServiceApi() throws Exception {
		WebDriver page = browser.driver();
		page.get(mesh.app("gateway").uri("/swagger-ui.html").toString());
		browser.waitUpTo(PAGE_LOAD).until(ExpectedConditions.urlContains("/swagger-ui/index.html"));
		Select definitions = definitionSelector();
		browser.screenshot("swagger-ui");
		assertThat(definitions.getOptions()).extracting(WebElement::getText)
			.containsExactlyInAnyOrderElementsOf(SERVICE_APIS);
	}

	@Test
	void swaggerUiShowsTheOperationsOfTheSelectedServiceApi() throws Exception {
		WebDriver page = browser.driver();
		page.get(mesh.app("gateway").uri("/swagger-ui.html").toString());
		select("ingestion-service");
		awaitOperation("/api/v1/events/batch");
		browser.screenshot("ingestion-service");
		select("profile-service");
		WebElement ping = awaitOperation("/api/v1/profiles/_ping");
		browser.screenshot("profile-service");
		assertThat(ping.getText()).isEqualTo("/api/v1/profiles/_ping");
		assertThat(page.findElements(By.cssSelector(".opblock-summary-path"))).extracting(WebElement::getText)
			.doesNotContain("/api/v1/events/batch");
	}

	@Test
	void adminDashboardShowsEveryStartedApplicationUpAfterLogin() throws Exception {
		WebDriver page = browser.driver();
		page.get(mesh.app("admin-server").uri("/").toString());
		awaitLoginForm();
		browser.screenshot("login");
		logIn(Mesh.ADMIN_USER, Mesh.ADMIN_PASSWORD);
		browser.waitUpTo(PAGE_LOAD).until(ExpectedConditions.urlContains("/applications"));
		List<String> applications = mesh.names().stream().map((name) -> name.toUpperCase(Locale.ROOT)).toList();
		browser.waitUpTo(REGISTRATION)
			.withMessage(() -> "every application UP, but the dashboard shows " + statuses(page, applications))
			.until((driver) -> statuses(driver, applications).values().stream().allMatch("UP"::equals));
		browser.screenshot("applications");
		assertThat(applications).contains("CONFIG-SERVER", "EUREKA-SERVER", "ADMIN-SERVER", "GATEWAY",
				"INGESTION-SERVICE", "PROFILE-SERVICE");
		assertThat(statuses(page, applications).values()).containsOnly("UP");
	}

	@Test
	void adminDashboardRefusesAWrongPassword() throws Exception {
		WebDriver page = browser.driver();
		page.get(mesh.app("admin-server").uri("/").toString());
		awaitLoginForm();
		logIn(Mesh.ADMIN_USER, "not-" + Mesh.ADMIN_PASSWORD);
		browser.waitUpTo(PAGE_LOAD).until(ExpectedConditions.urlContains("/login?error"));
		WebElement alert = browser.waitUpTo(PAGE_LOAD)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form [role=alert]")));
		browser.screenshot("refused");
		assertThat(alert.getText()).contains("Invalid username or password");
		page.get(mesh.app("admin-server").uri("/applications").toString());
		awaitLoginForm();
		assertThat(page.getCurrentUrl()).endsWith("/login");
	}

	/**
	 * The definition selector, once Swagger UI has read the swagger-config and finished
	 * loading the current definition (it is disabled while it loads).
	 */
	private static Select definitionSelector() {
		By selector = By.cssSelector(".topbar select");
		browser.waitUpTo(PAGE_LOAD).until(ExpectedConditions.elementToBeClickable(selector));
		return new Select(browser.driver().findElement(selector));
	}

	private static void select(String serviceApi) {
		definitionSelector().selectByVisibleText(serviceApi);
		browser.waitUpTo(PAGE_LOAD).until(ExpectedConditions.urlContains("urls.primaryName=" + serviceApi));
	}

	private static WebElement awaitOperation(String path) {
		return browser.waitUpTo(PAGE_LOAD)
			.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".opblock-summary-path[data-path='" + path + "']")));
	}

	private static void awaitLoginForm() {
		browser.waitUpTo(PAGE_LOAD).until(ExpectedConditions.urlContains("/login"));
		browser.waitUpTo(PAGE_LOAD).until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
	}

	private static void logIn(String username, String password) {
		WebDriver page = browser.driver();
		page.findElement(By.name("username")).sendKeys(username);
		page.findElement(By.name("password")).sendKeys(password);
		page.findElement(By.cssSelector("form button[type=submit]")).click();
	}

	/**
	 * The status badge of each application on the applications view, by the name Eureka
	 * registered it under; {@code missing} for one not listed (yet).
	 */
	private static Map<String, String> statuses(WebDriver page, List<String> applications) {
		Map<String, String> statuses = new LinkedHashMap<>();
		for (String application : applications) {
			List<WebElement> badge = page.findElements(By.cssSelector("[id='" + application + "'] .status-badge"));
			statuses.put(application, badge.isEmpty() ? "missing" : badge.get(0).getText());
		}
		return statuses;
	}

}
