package org.transferportal.browser;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.test.context.TestPropertySource;

import org.transferportal.support.DemoTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A nightly schedule in the demo, as a new user meets it in a real Chromium without
 * JavaScript: made from the transfer form over Lab Data, Globus asks for consent once, it
 * runs (accelerated) and shows its runs and their tasks, survives a revoked consent
 * through "Fix and resume", and is paused, resumed and deleted. It shares the demo of
 * {@code ScheduleFlowIntegrationTests} (the same settings: timers at half a day a
 * second), apart from the other demo tests, which must not meet its timers' tasks.
 */
@TestPropertySource(properties = { "simulator.timers-acceleration=43200", "simulator.slow-delay=1s" })
class ScheduleBrowserIntegrationTests extends DemoTestSupport {

	static final String LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	static final String SHARED_RESULTS = "aa752cea-8222-5bc8-acd9-555b090c0ccb";

	static final String TIMER_SCOPE = "https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer";

	@Test
	void aNightlyScheduleOverLabDataIsMadeFromTheFormRunsIsRepairedAfterARevokedConsentAndIsDeleted()
			throws IOException {
		try (Browser browser = Browser.start(false)) {
			browser.open(base() + "/transfer");
			browser.logInAs("alice");
			browser.waitForUrl("/transfer");
			// As a new user: whatever Alice allowed Timers in the other schedule tests is
			// gone.
			revokeTimers(browser);
			// The collections come by a deep link (the form picks them by name from
			// lists).
			browser.open(base() + "/transfer?source_collection=" + LAB_DATA
					+ "&source_path=/projects/alpha/analysis/&destination_collection=" + SHARED_RESULTS
					+ "&destination_path=/nightly-browser/&label=Nightly%20analysis");
			browser.click(By.id("schedule_recurring"));
			type(browser, "schedule_interval_hours", "24");
			browser.screenshot("schedule-1-form");
			browser.click(By.id("submit-transfer"));

			// One trip to Globus Auth: Timers, with Transfer and Lab Data below it.
			browser.find(By.id("allow"));
			assertThat(browser.text()).contains("Globus Timers").contains("Lab Data");
			browser.screenshot("schedule-2-consent");
			browser.click(By.id("allow"));
			browser.waitForUrl("/schedules/");
			String schedule = browser.url().replaceFirst("\\?.*", "");
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Nightly analysis");
			assertThat(browser.find(By.id("schedule-words")).getText()).startsWith("Every day");

			// It runs (accelerated); each run links its task.
			awaitOnReload(browser, By.cssSelector("a.run-task"), "a first run");
			browser.screenshot("schedule-3-runs");
			browser.click(By.cssSelector("a.run-task"));
			browser.waitForUrl("/tasks/");
			assertThat(browser.text()).contains("Nightly analysis");
			browser.open(base() + "/schedules");
			assertThat(browser.find(By.id("main")).getText()).contains("Nightly analysis")
				.contains("Lab Data")
				.contains("Shared Results");

			// Lab Data's consent below Timers revoked at Globus: the next run stops it.
			browser.open(base() + "/simulator/auth/v2/web/consents");
			browser.click(By.xpath("//li[@title='https://auth.globus.org/scopes/" + LAB_DATA
					+ "/data_access'][span[contains(., 'when your timers run')]]//button"));
			browser.find(By.id("consents"));
			browser.open(schedule);
			awaitOnReload(browser, By.id("fix-and-resume"), "stopped by Globus");
			assertThat(browser.find(By.id("stopped")).getText()).contains("Globus stopped this schedule")
				.contains("Lab Data");
			browser.screenshot("schedule-4-stopped");
			browser.click(By.id("fix-and-resume"));
			browser.find(By.id("allow"));
			assertThat(browser.text()).contains("Lab Data");
			browser.click(By.id("allow"));
			browser.waitForUrl(schedule);
			assertThat(browser.find(By.id("notice")).getText()).contains("Fixed");
			assertThat(browser.driver.findElements(By.id("fix-and-resume"))).isEmpty();
			assertThat(browser.find(By.id("schedule-status")).getText()).isEqualTo("Active");

			browser.click(By.id("pause"));
			browser.click(By.id("confirm-pause"));
			browser.waitForText(By.id("schedule-status"), "Paused");
			browser.click(By.id("resume"));
			browser.click(By.id("confirm-resume"));
			browser.waitForText(By.id("schedule-status"), "Active");
			browser.click(By.id("delete"));
			browser.click(By.id("confirm-delete"));
			browser.waitForText(By.tagName("main"), "The schedule was deleted.");
			assertThat(browser.url()).endsWith("/schedules");
			assertThat(browser.find(By.id("main")).getText()).doesNotContain("Nightly analysis");
		}
	}

	/** Revokes at the simulated Globus every consent the user gave Globus Timers. */
	private void revokeTimers(Browser browser) {
		By root = By.xpath("//li[@title='" + TIMER_SCOPE + "']//button");
		browser.open(base() + "/simulator/auth/v2/web/consents");
		browser.awaitAny(By.id("consents"), By.id("no-consents"));
		while (!browser.driver.findElements(root).isEmpty()) {
			browser.click(root);
			browser.awaitAny(By.id("consents"), By.id("no-consents"));
		}
	}

	private static void type(Browser browser, String name, String text) {
		var field = browser.find(By.name(name));
		field.clear();
		field.sendKeys(text);
	}

	/** Reloads the page until it shows the element (polling, never timing). */
	private static void awaitOnReload(Browser browser, By by, String what) {
		Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
		while (browser.driver.findElements(by).isEmpty()) {
			assertThat(Instant.now()).as(what + ": " + browser.text()).isBefore(giveUp);
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			browser.driver.navigate().refresh();
		}
	}

}
