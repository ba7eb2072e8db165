package org.transferportal.browser;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.transferportal.support.DemoTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo, as a new user meets it: a real Chromium through the simulator's login and
 * consent pages, with JavaScript on and off.
 */
class DemoBrowserIntegrationTests extends DemoTestSupport {

	static final String LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	static final String SHARED_RESULTS = "aa752cea-8222-5bc8-acd9-555b090c0ccb";

	static final String ARCHIVE = "313ce13e-b597-5858-ae13-29e46fea26e6";

	static final String CLINICAL = "0b7c5a1e-9d2f-4c8e-b6a3-2f1e4d5c6b7a";

	static final String CLINICAL_POLICY = "7f5e9a2b-4c1d-4e3f-8a6b-9c0d1e2f3a4b";

	@Test
	void deepLinkTransferGoesThroughLoginAndConsentAndCompletesWithJavaScript() throws IOException {
		deepLinkTransferGoesThroughLoginAndConsentAndCompletes(true, "alice");
	}

	@Test
	void deepLinkTransferGoesThroughLoginAndConsentAndCompletesWithoutJavaScript() throws IOException {
		deepLinkTransferGoesThroughLoginAndConsentAndCompletes(false, "carol");
	}

	/**
	 * Each run uses its own demo identity: the simulator remembers consents per identity,
	 * as Globus does, so a second run as the same user would see no consent page.
	 */
	private void deepLinkTransferGoesThroughLoginAndConsentAndCompletes(boolean javascript, String name)
			throws IOException {
		try (Browser browser = Browser.start(javascript)) {
			String label = "Browser " + name;
			browser.open(base() + "/transfer?source_collection=" + LAB_DATA + "&source_path=/projects/alpha/"
					+ "&destination_collection=" + SHARED_RESULTS + "&destination_path=/incoming-" + name + "/"
					+ "&label=" + URLEncoder.encode(label, StandardCharsets.UTF_8));
			// Globus (simulated): pick an identity, consent to the login scopes.
			browser.logInAs(name);
			// Back on the prefilled form.
			browser.waitForUrl("/transfer");
			assertThat(browser.find(By.name("source_collection")).getAttribute("value")).isEqualTo(LAB_DATA);
			assertThat(browser.find(By.name("source_path")).getAttribute("value")).isEqualTo("/projects/alpha/");
			assertThat(browser.find(By.name("destination_collection")).getAttribute("value")).isEqualTo(SHARED_RESULTS);
			assertThat(browser.find(By.name("label")).getAttribute("value")).isEqualTo(label);
			browser.screenshot(name + "-2-form");
			browser.click(By.id("submit-transfer"));
			// Lab Data is a mapped collection never consented to: one trip for its
			// data_access.
			browser.find(By.id("allow"));
			assertThat(browser.text()).contains("Lab Data");
			browser.click(By.id("allow"));
			browser.waitForUrl("/tasks/");
			String taskId = browser.url().substring(browser.url().lastIndexOf('/') + 1);
			assertThat(browser.find(By.id("task-id")).getText()).isEqualTo(taskId);
			assertThat(browser.text()).contains(label);
			browser.waitForTaskStatus("SUCCEEDED", Duration.ofSeconds(60), true);
			browser.screenshot(name + "-3-task");
			// The copied folder is now in the destination.
			browser.open(base() + "/files?a_collection=" + SHARED_RESULTS + "&a_path=/incoming-" + name + "/");
			assertThat(browser.find(By.cssSelector("#pane-a table.listing")).getText()).contains("raw/");
		}
	}

	/**
	 * A member (not the admin) starts one of the demo's lab presets in one click: the
	 * preflight finds the Archive never consented to, Globus asks, and the transfer
	 * completes.
	 */
	@Test
	void aMemberStartsALabPresetInOneClickThroughTheConsentPage() throws IOException {
		try (Browser browser = Browser.start(true)) {
			browser.open(base() + "/presets");
			browser.logInAs("bob");
			browser.waitForUrl("/presets");
			assertThat(browser.driver.findElements(By.id("new-preset"))).as("no admin links for a member").isEmpty();
			browser.screenshot("presets-1-list");
			browser.click(
					By.xpath("//li[h2[normalize-space()='Archive project alpha']]//button[normalize-space()='Start']"));
			browser.find(By.id("allow"));
			assertThat(browser.text()).contains("Archive");
			browser.click(By.id("allow"));
			browser.waitForUrl("/tasks/");
			assertThat(browser.text()).contains("Archive project alpha");
			browser.waitForTaskStatus("SUCCEEDED", Duration.ofSeconds(60), true);
			browser.screenshot("presets-2-task");
			browser.open(base() + "/files?a_collection=" + ARCHIVE + "&a_path=/archive/2024/alpha/");
			assertThat(browser.find(By.cssSelector("#pane-a table.listing")).getText()).contains("raw/");
		}
	}

	/**
	 * Also follows a link to the retired {@code /browse} page, which lands on the same
	 * folder in the file manager.
	 */
	@Test
	void hostileFileNamesAreShownAsTextAndNeverRun() throws IOException {
		try (Browser browser = Browser.start(true)) {
			browser.open(base() + "/browse?collection=" + LAB_DATA + "&path=/projects/");
			browser.logInAs("bob");
			// A collection the user never consented to: a plain notice, then Globus.
			browser.click(By.id("grant-access-a"));
			browser.click(By.id("allow"));
			browser.find(By.cssSelector("#pane-a table.listing"));
			assertThat(browser.url()).contains("/files?a_collection=" + LAB_DATA + "&a_path=/projects/");
			browser.click(By.linkText("odd names/"));
			browser.waitForValue(By.id("a-path"), "/projects/odd names/");
			String listing = browser.find(By.cssSelector("#pane-a table.listing")).getText();
			assertThat(listing).contains("<img src=x onerror=alert(1)>.txt").contains("\"quoted\" 'names'.csv");
			assertThat(browser.alertShown()).isFalse();
			browser.screenshot("browse-odd-names");
			// Log out and in again: the consent is remembered, so the folder opens
			// without a consent page (Globus approves it silently).
			browser.open(base() + "/logout");
			browser.click(By.id("logout"));
			browser.waitForUrl("signed_out");
			browser.open(base() + "/files?a_collection=" + LAB_DATA + "&a_path=/projects/");
			if (!browser.driver.findElements(By.id("identity-bob")).isEmpty()) {
				browser.click(By.id("identity-bob"));
			}
			assertThat(browser.find(By.cssSelector("#pane-a table.listing")).getText()).contains("alpha/");
			assertThat(browser.url()).contains("/files?a_collection=" + LAB_DATA);
		}
	}

	@Test
	void aHighAssuranceCollectionAsksForALoginFromItsDomain() throws IOException {
		try (Browser browser = Browser.start(true)) {
			browser.open(base() + "/files?a_collection=" + CLINICAL + "&a_path=/");
			browser.logInAs("carol");
			// Globus says which session it needs; the portal explains and offers the
			// trip.
			browser.click(By.id("grant-access-a"));
			// Transfer names the collection's policy; Globus Auth evaluates it: only
			// identities from uchicago.edu qualify, with a fresh login.
			browser.find(By.id("identity-bob"));
			assertThat(browser.driver.findElements(By.id("identity-carol"))).isEmpty();
			assertThat(browser.url()).contains("session_required_policies=" + CLINICAL_POLICY).contains("prompt=login");
		}
	}

}
