package org.transferportal.browser;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.transferportal.support.DemoTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When transfers go wrong, in the demo in a real Chromium: a transfer from the failing
 * folder shows what failed and why while it runs (the page's script brings in what
 * changes without a reload), "Retry failed items" makes a task of exactly those, and a
 * folder is deleted through the preview and a typed confirmation without JavaScript.
 */
class TriageBrowserIntegrationTests extends DemoTestSupport {

	static final String TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	static final String TUTORIAL_2 = "31ce9ba0-176d-45a5-add3-f37d233ba47d";

	@Test
	void aTransferFromTheFailingFolderShowsWhatFailedWhileItRunsAndItsRetryIsExactlyThose() throws IOException {
		try (Browser browser = Browser.start(true)) {
			String tag = UUID.randomUUID().toString().substring(0, 8);
			browser.open(base() + "/transfer?source_collection=" + TUTORIAL_1 + "&source_path=/share/flaky/"
					+ "&destination_collection=" + TUTORIAL_2 + "&destination_path=/~/flaky-" + tag + "/&label=Flaky+"
					+ tag);
			browser.logInAs("alice");
			browser.waitForUrl("/transfer");
			browser.click(By.id("submit-transfer"));
			browser.waitForUrl("/tasks/");
			assertThat(browser.find(By.id("task-status")).getText()).isEqualTo("ACTIVE");
			browser.script("window.notReloaded = true;");

			browser.waitForText(By.id("triage-headline"), "Still retrying");
			String triage = browser.find(By.id("triage")).getText();
			assertThat(triage).contains("Permission denied", "/share/flaky/locked-1.dat",
					"/share/flaky/nested/locked-3.dat", "File not found", "/share/flaky/vanished-1.csv");
			assertThat(browser.script("return window.notReloaded === true;")).as("shown by the script, in place")
				.isEqualTo(true);
			browser.script("document.getElementById('triage').scrollIntoView();");
			browser.screenshot("triage-1-retrying");

			browser.click(By.cssSelector("details.cancel summary"));
			browser.click(By.id("cancel-task"));
			browser.acceptDialog();
			browser.waitForTaskStatus("FAILED", Duration.ofSeconds(60), true);
			browser.click(By.id("retry-failed"));
			browser.waitForUrl("/transfer/drafts/");
			assertThat(browser.find(By.id("form-notice")).getText()).contains("the 5 paths that failed");
			String batch = browser.find(By.id("manifest")).getDomProperty("value");
			assertThat(batch.lines().filter((line) -> !line.isBlank())).containsExactlyInAnyOrder(
					"\"locked-1.dat\" \"locked-1.dat\"", "\"locked-2.dat\" \"locked-2.dat\"",
					"\"vanished-1.csv\" \"vanished-1.csv\"", "\"nested/locked-3.dat\" \"nested/locked-3.dat\"",
					"\"nested/vanished-2.csv\" \"nested/vanished-2.csv\"");
			assertThat(browser.find(By.name("label")).getDomProperty("value")).isEqualTo("Retry: Flaky " + tag);
			browser.screenshot("triage-2-retry-form");
			browser.click(By.id("submit-transfer"));
			browser.waitForUrl("/tasks/");
			assertThat(browser.find(By.tagName("h2")).getText()).isEqualTo("Retry: Flaky " + tag);
		}
	}

	@Test
	void aFolderIsDeletedThroughAPreviewAndATypedConfirmationWithoutJavaScript() throws IOException {
		try (Browser browser = Browser.start(false)) {
			String folder = "old-run-" + UUID.randomUUID().toString().substring(0, 8);
			browser.open(base() + "/files?a_collection=" + TUTORIAL_2 + "&a_path=/~/");
			browser.logInAs("carol");
			browser.waitForUrl("/files");
			browser.click(By.cssSelector("#pane-a details.tools summary"));
			browser.typeAndEnter(By.id("a-new-folder"), folder);
			browser.waitForText(By.cssSelector("main"), "Folder “" + folder + "” created.");

			browser.click(By.cssSelector("#pane-a input[name=item][value='" + folder + "/']"));
			browser.click(By.id("delete-a"));
			browser.waitForUrl("/deletes/");
			assertThat(browser.find(By.id("doomed")).getText()).contains(folder + "/",
					"folder, deleted with everything inside it", "(empty)");
			assertThat(browser.find(By.id("confirm-phrase")).getText()).isEqualTo(folder);
			browser.screenshot("delete-1-preview");
			browser.typeAndEnter(By.id("confirm"), folder.substring(1));
			browser.waitForText(By.id("confirm-problem"), "exactly to confirm; nothing was deleted");
			browser.typeAndEnter(By.id("confirm"), folder);
			browser.waitForUrl("/tasks/");
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Delete task");
			browser.waitForTaskStatus("SUCCEEDED", Duration.ofSeconds(90), false);
			browser.screenshot("delete-2-task");

			browser.open(base() + "/files?a_collection=" + TUTORIAL_2 + "&a_path=/~/");
			assertThat(browser.find(By.cssSelector("#pane-a table.listing")).getText()).doesNotContain(folder);
		}
	}

}
