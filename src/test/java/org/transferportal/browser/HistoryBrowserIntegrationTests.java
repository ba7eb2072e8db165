package org.transferportal.browser;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.transferportal.support.DemoTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab history and usage in the demo, as its admin Alice meets them in a real
 * Chromium: the seeded months in the usage charts, a past transfer found by a fragment of
 * its path, run again through the prefilled form, and counted in the charts once done.
 */
class HistoryBrowserIntegrationTests extends DemoTestSupport {

	static final String TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	@Test
	void aliceSeesTheLabsUsageFindsAPastTransferByAPathFragmentAndRunsItAgain() throws IOException {
		try (Browser browser = Browser.start(false)) {
			browser.open(base() + "/lab/usage");
			browser.logInAs("alice");
			browser.waitForUrl("/lab/usage");
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Lab usage");
			assertThat(browser.find(By.cssSelector("svg#chart-weekly-bytes title")).getAttribute("textContent"))
				.isEqualTo("Bytes moved per week");
			assertThat(browser.driver.findElements(By.cssSelector("svg#chart-weekly-bytes rect.bar"))).hasSize(12);
			assertThat(browser.find(By.id("table-users")).getText()).contains("alice@globusid.org", "bob@uchicago.edu",
					"carol@example.edu");
			int finished = number(browser.find(By.id("total-tasks")).getText());
			assertThat(finished).as("seeded months").isGreaterThan(10);
			// The figures and the first chart in view, for the README.
			browser.open(base() + "/lab/usage#summary");
			browser.find(By.id("summary"));
			browser.screenshot("usage-1-lab");

			browser.open(base() + "/history");
			browser.typeAndEnter(By.id("q"), "run-042");
			browser.waitForUrl("q=run-042");
			String results = browser.find(By.id("history-results")).getText();
			assertThat(results).contains("Tutorial data for run 42").contains("/~/run-042/");
			browser.screenshot("history-1-found");
			browser.click(By.linkText("Run again"));
			browser.waitForUrl("/transfer/drafts/");
			assertThat(browser.find(By.name("source_collection")).getAttribute("value")).isEqualTo(TUTORIAL_1);
			assertThat(browser.find(By.name("source_path")).getAttribute("value")).isEqualTo("/share/godata/");
			assertThat(browser.find(By.name("destination_path")).getAttribute("value")).isEqualTo("/~/run-042/");
			assertThat(browser.find(By.name("label")).getAttribute("value")).isEqualTo("Tutorial data for run 42");
			browser.click(By.id("submit-transfer"));
			browser.clickIfPresent(By.id("allow"));
			browser.waitForUrl("/tasks/");
			browser.waitForTaskStatus("SUCCEEDED", Duration.ofSeconds(60), true);

			browser.open(base() + "/history?q=run-042");
			assertThat(browser.find(By.id("history-results")).findElements(By.cssSelector("tbody tr"))).hasSize(2);
			browser.open(base() + "/lab/usage");
			assertThat(number(browser.find(By.id("total-tasks")).getText())).as("the new transfer counts")
				// At least: tasks other demo tests started may finish meanwhile in the
				// shared demo.
				.isGreaterThanOrEqualTo(finished + 1);
			browser.screenshot("usage-2-after");
		}
	}

	private static int number(String text) {
		return Integer.parseInt(text.replace(",", "").strip());
	}

}
