package org.transferportal.browser;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.transferportal.support.DemoTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review M1 in a real Chromium through the demo: a deep link that sets options shows them
 * open with a warning, and one that deletes files at the destination starts only once the
 * user ticks the confirmation, with JavaScript on and off.
 */
class DeepLinkOptionsBrowserIntegrationTests extends DemoTestSupport {

	static final String TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	static final String TUTORIAL_2 = "31ce9ba0-176d-45a5-add3-f37d233ba47d";

	@Test
	void aLinkThatDeletesIsShownAndWaitsForTheConfirmationWithJavaScript() throws IOException {
		aLinkThatDeletesIsShownAndWaitsForTheConfirmation(true, "alice");
	}

	@Test
	void aLinkThatDeletesIsShownAndWaitsForTheConfirmationWithoutJavaScript() throws IOException {
		aLinkThatDeletesIsShownAndWaitsForTheConfirmation(false, "bob");
	}

	private void aLinkThatDeletesIsShownAndWaitsForTheConfirmation(boolean javascript, String name) throws IOException {
		try (Browser browser = Browser.start(javascript)) {
			browser.open(base() + "/transfer?source_collection=" + TUTORIAL_1
					+ "&source_path=/share/godata/&destination_collection=" + TUTORIAL_2
					+ "&destination_path=/~/mirror-" + name
					+ "/&label=Refresh&delete_destination_extra=1&skip_source_errors=1");
			browser.logInAs(name);
			browser.waitForUrl("/transfer");

			assertThat(browser.find(By.id("options-warning")).getText())
				.contains("The link you followed set these options")
				.contains("Delete files at the destination that are not in the source")
				.contains("Skip files that cannot be read");
			assertThat(browser.find(By.id("options")).getAttribute("open")).as("Options section open").isNotNull();
			assertThat(browser.find(By.name("delete_destination_extra")).isSelected()).isTrue();
			assertThat(browser.find(By.id("confirm_delete")).isSelected()).as("never ticked for the user").isFalse();
			browser.screenshot("m1-" + name + "-1-warning");

			browser.click(By.id("submit-transfer"));
			assertThat(browser.find(By.cssSelector("#confirm-delete .field-error")).getText())
				.contains("tick the box to confirm");
			assertThat(browser.url()).as("nothing submitted").doesNotContain("/tasks/");
			browser.screenshot("m1-" + name + "-2-confirm");

			browser.click(By.id("confirm_delete"));
			browser.click(By.id("submit-transfer"));
			browser.waitForUrl("/tasks/");
		}
	}

}
