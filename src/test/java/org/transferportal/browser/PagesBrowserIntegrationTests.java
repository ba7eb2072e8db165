package org.transferportal.browser;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.transferportal.support.DemoTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the demo in a real Chromium: a new user setting up a transfer by names
 * and clicks alone, and axe-core's check of each page type, logged out and in, on a
 * desktop and a phone. The screenshots they take are the gallery in
 * {@code docs/screenshots/} (regenerate with {@code -Dscreenshots=docs/screenshots}).
 */
class PagesBrowserIntegrationTests extends DemoTestSupport {

	static final String LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	static final String SHARED_RESULTS = "aa752cea-8222-5bc8-acd9-555b090c0ccb";

	static final String TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	static final String TUTORIAL_2 = "31ce9ba0-176d-45a5-add3-f37d233ba47d";

	static final String INSTRUMENT = "b2c4e6f8-1a3c-4e5f-9a7b-2c4e6f8a0b1c";

	private static final By PORTAL_PAGE = By.cssSelector("main#main");

	private static final By LISTING_A = By.cssSelector("#pane-a table.listing");

	private static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	/**
	 * Without JavaScript, as the "done when" has it: collections picked by name
	 * from the form's list, folders chosen by clicking in the file manager, and nothing
	 * typed but a label; the task page then names both collections.
	 */
	@Test
	void aNewUserSetsUpATransferByNamesAndClicksWithoutTypingAnId() throws IOException {
		try (Browser browser = Browser.start(false)) {
			browser.open(base() + "/transfer");
			browser.logInAs("carol");
			browser.waitForUrl("/transfer");
			browser.click(option("source_collection", "Lab Data"));
			browser.click(By.id("browse-source"));
			// The file manager, choosing for the form: Globus may first ask for consent.
			browser.awaitAny(LISTING_A, By.cssSelector("[id^=grant-access-]"));
			grantIfAsked(browser);
			browser.find(By.id("choose-bar"));
			browser.click(By.linkText("alpha/"));
			browser.waitForValue(By.id("a-path"), "/projects/alpha/");
			browser.click(By.xpath("//input[@name='item' and @value='raw/']"));
			browser.capture("11-choose-source");
			assertThat(browser.text()).as("no collection id in sight").doesNotContainPattern(UUID_TEXT);
			browser.click(By.id("use-selected"));
			browser.waitForUrl("/transfer");
			assertThat(browser.find(By.id("source_collection")).getDomProperty("value")).isEqualTo(LAB_DATA);
			assertThat(browser.find(By.id("source-side")).getText()).contains("Lab Data");

			// The search's round trip without JavaScript: the form comes back with the
			// results
			// in the list and everything chosen so far kept.
			browser.find(By.id("destination_q")).sendKeys("Shared Results");
			browser.click(By.id("find-destination"));
			browser.find(By.xpath("//select[@id='destination_collection']/optgroup[starts-with(@label, 'Found')]"));
			assertThat(browser.find(By.id("source_collection")).getDomProperty("value")).isEqualTo(LAB_DATA);
			browser.click(By.xpath("//select[@id='destination_collection']/optgroup[starts-with(@label, 'Found')]"
					+ "/option[starts-with(normalize-space(.), 'Shared Results')]"));
			browser.click(By.id("browse-destination"));
			browser.awaitAny(LISTING_A, By.cssSelector("[id^=grant-access-]"));
			grantIfAsked(browser);
			browser.find(By.id("choose-bar"));
			browser.click(By.id("choose-folder"));
			browser.waitForUrl("/transfer");
			assertThat(browser.find(By.id("destination_collection")).getDomProperty("value")).isEqualTo(SHARED_RESULTS);
			assertThat(browser.text()).as("no collection id in sight").doesNotContainPattern(UUID_TEXT);
			browser.find(By.id("label")).sendKeys("Chosen by clicking");
			browser.capture("12-form-chosen");
			browser.click(By.id("submit-transfer"));
			browser.awaitAny(By.id("task-id"), By.id("allow"));
			browser.clickIfPresent(By.id("allow"));
			browser.waitForUrl("/tasks/");
			assertThat(browser.text()).contains("Chosen by clicking").contains("Lab Data").contains("Shared Results");
			browser.waitForTaskStatus("SUCCEEDED", Duration.ofSeconds(60), true);
			browser.capture("13-task-chosen");
		}
	}

	/**
	 * axe-core on each page type, as the pages stand after a real flow; a serious or
	 * critical violation anywhere fails the test with the page, rule and element.
	 */
	@Test
	void everyPageHasNoSeriousOrCriticalAccessibilityViolations() throws IOException {
		Map<String, List<String>> violations = new LinkedHashMap<>();
		try (Browser browser = Browser.start(true)) {
			browser.open(base() + "/");
			check(browser, "01-home-logged-out", violations);

			browser.open(base() + "/transfer");
			browser.logInAs("alice");
			browser.waitForUrl("/transfer");
			check(browser, "02-transfer-form", violations);
			// With JavaScript the search fills the list in place; a single match is
			// chosen.
			browser.find(By.id("destination_q")).sendKeys("Instrument Outbox");
			browser.click(By.id("find-destination"));
			browser.waitForText(By.id("destination-search-message"), "found");
			assertThat(browser.find(By.id("destination_collection")).getDomProperty("value")).isEqualTo(INSTRUMENT);
			check(browser, "02b-transfer-search", violations);
			browser.click(By.id("submit-transfer"));
			browser.find(By.cssSelector(".field-error"));
			check(browser, "03-transfer-form-errors", violations);

			browser.open(base() + "/transfer?source_collection=" + TUTORIAL_1 + "&source_path=/share/godata/"
					+ "&destination_collection=" + TUTORIAL_2 + "&destination_path=/~/");
			browser.click(By.id("browse-source"));
			browser.find(By.id("choose-bar"));
			check(browser, "04-files-choosing", violations);
			browser.click(By.id("choose-folder"));
			browser.waitForUrl("/transfer");
			browser.find(By.id("label")).sendKeys("Tutorial copy");
			browser.click(By.id("submit-transfer"));
			browser.awaitAny(By.id("task-id"), By.id("allow"));
			browser.clickIfPresent(By.id("allow"));
			browser.waitForUrl("/tasks/");
			browser.waitForTaskStatus("SUCCEEDED", Duration.ofSeconds(60), true);
			check(browser, "05-task", violations);

			for (String[] page : new String[][] { { "06-home", "/" }, { "07-tasks", "/tasks" },
					{ "08-files",
							"/files?a_collection=" + TUTORIAL_1 + "&a_path=/share/godata/&b_collection=" + TUTORIAL_2
									+ "&b_path=/~/" },
					{ "09-files-picker", "/files" }, { "10-presets", "/presets" },
					{ "14-preset-editor", "/lab/admin/presets/new" }, { "15-audit", "/lab/audit" },
					{ "16-lab-admin", "/lab/admin" }, { "17-history", "/history" }, { "18-usage", "/lab/usage" },
					{ "19-account", "/account" }, { "20-bookmarks", "/bookmarks" },
					{ "21-not-found", "/presets/not-a-preset/review" },
					{ "23-usage-collection", "/lab/usage/collections/" + TUTORIAL_1 }, { "25-schedules", "/schedules" },
					{ "26-notifications", "/notifications" }, { "27-audit-files", "/lab/audit/files" },
					{ "28-deliveries", "/lab/admin/deliveries" }, { "22-logout", "/logout" } }) {
				browser.open(base() + page[1]);
				browser.find(PORTAL_PAGE);
				check(browser, page[0], violations);
			}

			browser.open(base() + "/presets");
			browser.click(By.cssSelector("a[id^=delete-]"));
			browser.find(PORTAL_PAGE);
			check(browser, "24-preset-delete", violations);

			browser.phone(true);
			for (String[] page : new String[][] { { "30-phone-home", "/" },
					{ "31-phone-files", "/files?a_collection=" + TUTORIAL_1 + "&a_path=/share/godata/" },
					{ "32-phone-transfer", "/transfer" }, { "33-phone-tasks", "/tasks" } }) {
				browser.open(base() + page[1]);
				browser.find(PORTAL_PAGE);
				check(browser, page[0], violations);
			}
			browser.phone(false);
		}
		assertThat(violations).as("serious or critical axe violations per page").isEmpty();
	}

	/** The check itself can fail: a page with an unnamed image and button does. */
	@Test
	void theAccessibilityCheckFindsWhatAPageLacks() throws IOException {
		try (Browser browser = Browser.start(true)) {
			browser.open("data:text/html,<!DOCTYPE html><html lang='en'><title>t</title><main id='main'>"
					+ "<img src='x.png'><button></button></main></html>");
			assertThat(browser.accessibilityViolations()).anyMatch((v) -> v.contains("image-alt"))
				.anyMatch((v) -> v.contains("button-name"));
		}
	}

	/** Takes the page's picture for the gallery and adds its violations, if any. */
	private static void check(Browser browser, String name, Map<String, List<String>> violations) throws IOException {
		browser.capture(name);
		List<String> found = new ArrayList<>(browser.accessibilityViolations());
		if (!found.isEmpty()) {
			violations.put(name + " " + browser.url(), found);
		}
	}

	/** The collection picker's option whose name starts so. */
	private static By option(String select, String name) {
		return By.xpath("//select[@id='" + select + "']//option[starts-with(normalize-space(.), '" + name + "')]");
	}

	/**
	 * The demo's identities keep their consents from class to class (one shared demo), so
	 * Globus asks only the first time.
	 */
	private static void grantIfAsked(Browser browser) {
		if (!browser.driver.findElements(By.cssSelector("[id^=grant-access-]")).isEmpty()) {
			browser.click(By.cssSelector("[id^=grant-access-]"));
			browser.awaitAny(By.id("allow"), LISTING_A);
			browser.clickIfPresent(By.id("allow"));
		}
		browser.find(LISTING_A);
	}

}
