package org.transferportal.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with the flags this machine needs.
 */
final class Browser implements AutoCloseable {

	/** What every portal page has and the simulated Globus's pages do not. */
	private static final By PORTAL_PAGE = By.cssSelector("main#main");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	final WebDriver driver;

	private final WebDriverWait wait;

	private final Path profile;

	private Browser(WebDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	static Browser start(boolean javascript) throws IOException {
		Path profile = Files.createTempDirectory("chromium-profile");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,1000", "--user-data-dir=" + profile);
		if (!javascript) {
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		return new Browser(new ChromeDriver(service, options), profile);
	}

	void open(String url) {
		this.driver.get(url);
	}

	WebElement find(By by) {
		return this.wait.until(ExpectedConditions.presenceOfElementLocated(by));
	}

	/** Waits until one of these elements is on the page (the next page has loaded). */
	void awaitAny(By... candidates) {
		this.wait.until(ExpectedConditions.or(java.util.Arrays.stream(candidates)
			.map(ExpectedConditions::presenceOfElementLocated)
			.toArray(org.openqa.selenium.support.ui.ExpectedCondition[]::new)));
	}

	/**
	 * Logs in at the simulated Globus as this demo identity, allowing the login consent
	 * if Globus asks (it does not for an identity that gave it in an earlier test), and
	 * waits until the browser is back on a portal page. Decides on the page after the
	 * login, never on the login page still showing.
	 */
	void logInAs(String name) {
		click(By.id("identity-" + name));
		awaitAny(By.id("allow"), PORTAL_PAGE);
		if (!this.driver.findElements(By.id("allow")).isEmpty()) {
			click(By.id("allow"));
			find(PORTAL_PAGE);
		}
	}

	/**
	 * Clicks the element; tries again if the page's script replaced it in the meantime
	 * (the file manager swaps its panes in place).
	 */
	void click(By by) {
		retryingStale(() -> this.wait.until(ExpectedConditions.elementToBeClickable(by)).click());
	}

	/** Types into a field and presses Enter, as a person submits a small form. */
	void typeAndEnter(By by, String text) {
		retryingStale(() -> {
			WebElement field = this.wait.until(ExpectedConditions.elementToBeClickable(by));
			field.clear();
			field.sendKeys(text + org.openqa.selenium.Keys.ENTER);
		});
	}

	private static void retryingStale(Runnable action) {
		for (int attempt = 1;; attempt++) {
			try {
				action.run();
				return;
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	void waitForUrl(String fragment) {
		this.wait.until(ExpectedConditions.urlContains(fragment));
	}

	/** Clicks the element if the page has it, after the page settled. */
	void clickIfPresent(By by) {
		try {
			new WebDriverWait(this.driver, Duration.ofSeconds(3)).until(ExpectedConditions.elementToBeClickable(by))
				.click();
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// Not asked: nothing to click.
		}
	}

	/** Waits until the element holds the text (or just exists, for {@code null}). */
	void waitForText(By by, String text) {
		this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until((driver) -> {
			var found = driver.findElements(by);
			return !found.isEmpty() && (text == null || found.get(0).getText().contains(text));
		});
	}

	/** Waits until a field holds the value. */
	void waitForValue(By by, String value) {
		this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until((driver) -> {
			var found = driver.findElements(by);
			return !found.isEmpty() && value.equals(found.get(0).getDomProperty("value"));
		});
	}

	String url() {
		return this.driver.getCurrentUrl();
	}

	String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	/** Whether any script opened a dialog: hostile names must never run. */
	boolean alertShown() {
		try {
			this.driver.switchTo().alert();
			return true;
		}
		catch (NoAlertPresentException ex) {
			return false;
		}
	}

	/**
	 * Waits on a task page until it shows this status, checking twice a second.
	 * @param reload reload the page between checks (otherwise the page must update
	 * itself: its script with JavaScript, its meta refresh without)
	 */
	void waitForTaskStatus(String status, Duration limit, boolean reload) {
		java.time.Instant until = java.time.Instant.now().plus(limit);
		while (!status.equals(find(By.id("task-status")).getText())) {
			org.assertj.core.api.Assertions.assertThat(java.time.Instant.now())
				.as("task reaches " + status)
				.isBefore(until);
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (reload) {
				this.driver.navigate().refresh();
			}
		}
	}

	void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		byte[] png = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(name + ".png"), png);
	}

	@Override
	public void close() throws IOException {
		this.driver.quit();
		try (var files = Files.walk(this.profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

}
