package org.transferportal.browser;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.test.annotation.DirtiesContext;

import org.transferportal.support.DemoTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two-pane file manager in a real Chromium: pick collections, go through consent,
 * select files and a folder, start the transfer and watch it complete, with JavaScript on
 * and off.
 */
// Its identities consent to Lab Data and Alice keeps a bookmark, which other demo tests
// expect not to find: the demo it used is not handed on.
@DirtiesContext
class FileManagerBrowserIntegrationTests extends DemoTestSupport {

	@Test
	void selectionTransfersFromOnePaneToTheOtherWithJavaScript() throws IOException {
		selectionTransfersFromOnePaneToTheOther(true, "bob");
	}

	@Test
	void selectionTransfersFromOnePaneToTheOtherWithoutJavaScript() throws IOException {
		selectionTransfersFromOnePaneToTheOther(false, "carol");
	}

	@Test
	void aLargeFolderIsPagedAndFiltered() throws IOException {
		try (Browser browser = Browser.start(true)) {
			browser.open(
					base() + "/files?a_collection=" + DemoBrowserIntegrationTests.LAB_DATA + "&a_path=/projects/big/");
			browser.logInAs("alice");
			grantIfAsked(browser, "a");
			browser.find(By.cssSelector("#pane-a table.listing"));
			assertThat(browser.find(By.cssSelector("#pane-a .count")).getText()).contains("10000 entries");
			assertThat(browser.driver.findElements(By.cssSelector("#pane-a tbody tr"))).hasSize(100);
			browser.click(By.id("next-a"));
			browser.waitForText(By.cssSelector("#pane-a .pager"), "Page 2 of 100");
			browser.typeAndEnter(By.id("a-filter"), "0042");
			browser.waitForText(By.cssSelector("#pane-a .count"), "11 entries");
			browser.screenshot("files-big-filtered");
			assertThat(browser.find(By.cssSelector("#pane-a table.listing")).getText()).contains("0042");
			// Bookmark this place; the picker then offers it.
			browser.click(By.cssSelector("#pane-a details.tools summary"));
			browser.typeAndEnter(By.id("a-bookmark"), "Big folder");
			browser.click(By.id("change-a"));
			browser.click(By.xpath("//section[@id='pane-a']//a[text()='Big folder']"));
			browser.waitForValue(By.id("a-path"), "/projects/big/");
			// On a phone the panes stack and nothing runs off the side of the page.
			browser.driver.manage().window().setSize(new Dimension(390, 844));
			Object overflow = ((JavascriptExecutor) browser.driver)
				.executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
			assertThat(overflow).isEqualTo(Boolean.FALSE);
			browser.screenshot("files-phone");
		}
	}

	@Test
	void hostileNamesAreSelectedAndTransferredAsTheyAre() throws IOException {
		try (Browser browser = Browser.start(true)) {
			browser.open(base() + "/files?a_collection=" + DemoBrowserIntegrationTests.LAB_DATA
					+ "&a_path=/projects/odd%20names/&b_collection=" + DemoBrowserIntegrationTests.SHARED_RESULTS
					+ "&b_path=/");
			browser.logInAs("alice");
			grantIfAsked(browser, "a");
			browser.click(By.cssSelector("#pane-b details.tools summary"));
			browser.typeAndEnter(By.id("b-new-folder"), "odd-copy");
			browser.click(By.xpath("//section[@id='pane-b']//a[text()='odd-copy/']"));
			browser.waitForValue(By.id("b-path"), "/odd-copy/");
			// Select the whole page with the script's "select all" box.
			browser.click(By.id("select-a-all"));
			browser.screenshot("files-odd-names-selected");
			browser.click(By.id("transfer-a"));
			browser.waitForUrl("/transfer/drafts/");
			browser.click(By.id("submit-transfer"));
			browser.clickIfPresent(By.id("allow"));
			browser.waitForUrl("/tasks/");
			browser.waitForTaskStatus("SUCCEEDED", Duration.ofSeconds(90), false);
			browser.open(base() + "/files?b_collection=" + DemoBrowserIntegrationTests.SHARED_RESULTS
					+ "&b_path=/odd-copy/");
			String listing = browser.find(By.cssSelector("#pane-b table.listing")).getText();
			assertThat(listing).contains("<img src=x onerror=alert(1)>.txt")
				.contains("\"quoted\" 'names'.csv")
				.contains("back\\slash.txt")
				.contains("percent%20and&ampersand;semi#hash?.txt")
				.contains("sub folder with \u00fcn\u00efcode/");
			assertThat(browser.alertShown()).isFalse();
			browser.screenshot("files-odd-names-copied");
		}
	}

	private void selectionTransfersFromOnePaneToTheOther(boolean javascript, String name) throws IOException {
		String mode = javascript ? "js" : "nojs";
		try (Browser browser = Browser.start(javascript)) {
			browser.open(base() + "/files");
			browser.logInAs(name);
			// Left pane: the lab's mapped collection, which needs consent first.
			browser.click(By.xpath("//section[@id='pane-a']//a[text()='Lab Data (mapped)']"));
			grantIfAsked(browser, "a");
			browser.find(By.cssSelector("#pane-a table.listing"));
			if (javascript) {
				// A mark on the window survives only if the folder changes in place.
				((JavascriptExecutor) browser.driver).executeScript("window.portalTestMark = 'still here';");
			}
			browser.click(By.xpath("//section[@id='pane-a']//a[text()='alpha/']"));
			browser.waitForValue(By.id("a-path"), "/projects/alpha/");
			if (javascript) {
				assertThat(((JavascriptExecutor) browser.driver).executeScript("return window.portalTestMark;"))
					.isEqualTo("still here");
				assertThat(browser.url()).contains("a_path=/projects/alpha/");
			}
			// Right pane: a guest collection, and a new folder in it.
			browser.click(By.xpath("//section[@id='pane-b']//a[text()='Shared Results (guest)']"));
			browser.find(By.cssSelector("#pane-b table.listing"));
			browser.click(By.cssSelector("#pane-b details.tools summary"));
			browser.typeAndEnter(By.id("b-new-folder"), "from-" + mode);
			browser.click(By.xpath("//section[@id='pane-b']//a[text()='from-" + mode + "/']"));
			browser.waitForValue(By.id("b-path"), "/from-" + mode + "/");
			browser.screenshot("files-" + mode + "-1-panes");
			// Select a file and a folder on the left, transfer them to the right.
			browser.click(By.xpath("//section[@id='pane-a']//input[@value='README.md']"));
			browser.click(By.xpath("//section[@id='pane-a']//input[@value='raw/']"));
			browser.screenshot("files-" + mode + "-1b-selected");
			browser.click(By.id("transfer-a"));
			browser.waitForUrl("/transfer/drafts/");
			assertThat(browser.find(By.name("source_path")).getAttribute("value")).isEqualTo("/projects/alpha/");
			assertThat(browser.find(By.name("destination_path")).getAttribute("value"))
				.isEqualTo("/from-" + mode + "/");
			assertThat(browser.find(By.name("manifest")).getAttribute("value")).contains("\"README.md\"")
				.contains("\"raw/\" \"raw/\" --recursive");
			assertThat(browser.find(By.name("verify_checksum")).isSelected()).isTrue();
			browser.screenshot("files-" + mode + "-2-form");
			browser.click(By.id("submit-transfer"));
			if (!browser.driver.getCurrentUrl().contains("/tasks/")) {
				browser.clickIfPresent(By.id("allow"));
			}
			browser.waitForUrl("/tasks/");
			browser.waitForTaskStatus("SUCCEEDED", Duration.ofSeconds(90), false);
			browser.screenshot("files-" + mode + "-3-task");
			browser.open(base() + "/files?b_collection=" + DemoBrowserIntegrationTests.SHARED_RESULTS + "&b_path=/from-"
					+ mode + "/");
			String listing = browser.find(By.cssSelector("#pane-b table.listing")).getText();
			assertThat(listing).contains("README.md").contains("raw/");
		}
	}

	/**
	 * Grants access if the pane asks. Consent remembered from an earlier test of this
	 * class (same application context, same simulator) skips the notice and goes straight
	 * to Globus, or skips consent altogether.
	 */
	private static void grantIfAsked(Browser browser, String pane) {
		// With JavaScript the pane changes in place: wait for whichever comes.
		browser.find(By.cssSelector("#grant-access-" + pane + ", #pane-" + pane + " table.listing, #allow"));
		if (!browser.driver.findElements(By.id("grant-access-" + pane)).isEmpty()) {
			browser.click(By.id("grant-access-" + pane));
			browser.click(By.id("allow"));
		}
		else if (!browser.driver.findElements(By.id("allow")).isEmpty()) {
			browser.click(By.id("allow"));
		}
		browser.find(By.cssSelector("#pane-" + pane + " table.listing"));
	}

}
