package org.transferportal.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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

	/**
	 * Where screenshots go: {@code target/screenshots}, or the folder named by
	 * {@code -Dscreenshots=docs/screenshots} when the gallery is being regenerated.
	 */
	private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots", "target/screenshots"));

	/** axe-core's script, from its WebJar (test scope; never served by the portal). */
	private static final String AXE_SCRIPT = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";

	final WebDriver driver;

	private final WebDriverWait wait;

	private final Path profile;

	private final Path downloads;

	private Browser(WebDriver driver, Path profile, Path downloads) {
		this.driver = driver;
		this.profile = profile;
		this.downloads = downloads;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	static Browser start(boolean javascript) throws IOException {
		Path profile = Files.createTempDirectory("chromium-profile");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,1000", "--user-data-dir=" + profile);
		// Downloads land in a folder of the profile, without asking.
		Path downloads = Files.createDirectories(profile.resolve("downloads"));
		Map<String, Object> prefs = new HashMap<>();
		prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
		prefs.put("download.prompt_for_download", false);
		if (!javascript) {
			prefs.put("profile.managed_default_content_settings.javascript", 2);
		}
		options.setExperimentalOption("prefs", prefs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		return new Browser(new ChromeDriver(service, options), profile, downloads);
	}

	/** Where the browser saves downloads. */
	Path downloads() {
		return this.downloads;
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

	/** Waits until the condition holds, e.g. that the page's script changed something. */
	void waitUntil(String what, BooleanSupplier condition) {
		new WebDriverWait(this.driver, Duration.ofSeconds(20)).withMessage(what)
			.until((driver) -> condition.getAsBoolean());
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

	/** Accepts the confirmation dialog the page's script opened (a cancel, say). */
	void acceptDialog() {
		this.wait.until(ExpectedConditions.alertIsPresent()).accept();
	}

	/** Runs a script in the page (to mark it, and see later that it was not reloaded). */
	Object script(String code) {
		return ((org.openqa.selenium.JavascriptExecutor) this.driver).executeScript(code);
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

	/**
	 * Runs axe-core on the page as it stands and returns its serious and critical
	 * violations, one line each (rule, help text, where). WebDriver's script injection is
	 * not subject to the page's Content-Security-Policy, so the page stays as served.
	 */
	@SuppressWarnings("unchecked")
	List<String> accessibilityViolations() throws IOException {
		JavascriptExecutor js = (JavascriptExecutor) this.driver;
		try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE_SCRIPT)) {
			if (in == null) {
				throw new IOException("axe-core is not on the test class path: " + AXE_SCRIPT);
			}
			js.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		Object found = js.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
				  done(r.violations
				    .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
				    .map(function (v) {
				      return v.impact + ' ' + v.id + ': ' + v.help + ' at '
				        + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');
				    }));
				}, function (e) { done(['axe could not run: ' + e]); });""");
		return (List<String>) found;
	}

	/**
	 * A screenshot of the whole page for the gallery: the window grows to the page's
	 * height (up to a limit) for the shot, then goes back.
	 */
	void capture(String name) throws IOException {
		Dimension before = this.driver.manage().window().getSize();
		Number height = (Number) ((JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollHeight;");
		int tall = Math.min(Math.max(before.getHeight(), (height != null) ? height.intValue() + 40 : 0), 2000);
		this.driver.manage().window().setSize(new Dimension(before.getWidth(), tall));
		try {
			screenshot(name);
		}
		finally {
			this.driver.manage().window().setSize(before);
		}
	}

	/** Narrows the window to a phone's width, or back to the desktop's. */
	void phone(boolean phone) {
		this.driver.manage().window().setSize(phone ? new Dimension(390, 844) : new Dimension(1280, 1000));
	}

	private static String axeVersion() {
		try (InputStream in = Browser.class.getClassLoader()
			.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
			java.util.Properties properties = new java.util.Properties();
			if (in != null) {
				properties.load(in);
			}
			return properties.getProperty("version", "missing");
		}
		catch (IOException ex) {
			return "missing";
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
