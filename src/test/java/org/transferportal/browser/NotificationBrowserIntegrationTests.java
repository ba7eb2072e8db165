package org.transferportal.browser;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.transferportal.notifications.DemoWebhookReceiver;
import org.transferportal.support.DemoTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications in the demo (no mail server) as Alice meets them in a real Chromium
 * without JavaScript: a transfer she asked to hear about finishes, its e-mail is kept on
 * her notifications page, and — with a lab webhook configured — its signed call shows as
 * delivered on the admins' deliveries page.
 */
// The webhook settings make a demo of its own.
class NotificationBrowserIntegrationTests extends DemoTestSupport {

	static final String TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	static final String TUTORIAL_2 = "31ce9ba0-176d-45a5-add3-f37d233ba47d";

	static final DemoWebhookReceiver RECEIVER = DemoWebhookReceiver.start();

	@DynamicPropertySource
	static void demo(DynamicPropertyRegistry registry) {
		registry.add("portal.notifications.webhook.url", RECEIVER::url);
		registry.add("portal.notifications.webhook.secret", DemoWebhookReceiver::secret);
		registry.add("portal.notifications.delivery.poll", () -> "500ms");
	}

	@AfterAll
	static void stopReceiver() {
		RECEIVER.close();
	}

	@Test
	void aFinishedTransferIsKeptInTheOutboxAndDeliveredToTheLabWebhook() throws IOException {
		try (Browser browser = Browser.start(false)) {
			browser.open(base() + "/transfer?source_collection=" + TUTORIAL_1
					+ "&source_path=/share/godata/&destination_collection=" + TUTORIAL_2
					+ "&destination_path=/~/notified/&label=Tell%20me%20when%20done");
			browser.logInAs("alice");
			browser.waitForUrl("/transfer");
			new Select(browser.find(By.id("notify_email"))).selectByValue("all");
			browser.click(By.id("submit-transfer"));
			browser.clickIfPresent(By.id("allow"));
			browser.waitForUrl("/tasks/");
			browser.waitForTaskStatus("SUCCEEDED", Duration.ofSeconds(60), true);

			browser.open(base() + "/notifications");
			browser.find(By.id("outbox-note"));
			reloadUntil(browser, By.id("emails"), "kept here (no mail server)");
			assertThat(browser.find(By.id("emails")).getText()).contains("Transfer succeeded: Tell me when done")
				.contains("kept here (no mail server)");
			browser.screenshot("notifications-1-outbox");
			browser.click(By.partialLinkText("Transfer succeeded: Tell me when done"));
			assertThat(browser.find(By.id("email-text")).getText())
				.contains("Your transfer \"Tell me when done\" succeeded.")
				.contains("Globus Tutorial Collection 1")
				.contains("Globus Tutorial Collection 2")
				.contains(base() + "/tasks/");

			browser.open(base() + "/lab/admin/deliveries");
			reloadUntil(browser, By.id("recent"), "transfer.succeeded");
			assertThat(browser.find(By.id("recent")).getText()).contains("Tell me when done").contains("webhook");
			browser.screenshot("notifications-2-deliveries");
			assertThat(RECEIVER.verifiedCalls()).as("the signed POST the receiver checked").isEqualTo(1);
		}
	}

	private static void reloadUntil(Browser browser, By by, String text) {
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(until)) {
			var found = browser.driver.findElements(by);
			if (!found.isEmpty() && found.get(0).getText().contains(text)) {
				return;
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			browser.driver.navigate().refresh();
		}
	}

}
