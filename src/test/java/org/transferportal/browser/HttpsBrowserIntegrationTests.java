package org.transferportal.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import org.transferportal.support.DemoTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Downloads, uploads and previews in the demo, as a new user meets them in a real
 * Chromium: one consent trip for the collection (its data_access and HTTPS scopes
 * together), then a file downloaded, one uploaded with progress, a CSV previewed as a
 * table; and without JavaScript, the plain upload form.
 */
// A demo of its own: these tests are about a user's first trip for a collection's
// data_access and HTTPS scopes, which other demo tests' users may already have made.
@TestPropertySource(properties = "portal.https.max-upload-size=5GB")
@DirtiesContext
class HttpsBrowserIntegrationTests extends DemoTestSupport {

	static final String LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	@Test
	void aNewUserDownloadsUploadsAndPreviewsAfterOneConsentTrip() throws IOException {
		try (Browser browser = Browser.start(true)) {
			browser.open(base() + "/files?a_collection=" + LAB_DATA + "&a_path=/projects/samples/");
			browser.logInAs("alice");
			// The one trip: Lab Data's data_access and its HTTPS server, asked together.
			browser.click(By.id("grant-access-a"));
			browser.find(By.id("allow"));
			assertThat(browser.text()).contains("Access data on collection Lab Data")
				.contains("Download and upload files over HTTPS on collection Lab Data");
			browser.click(By.id("allow"));
			browser.find(By.cssSelector("#pane-a table.listing"));

			// Upload, with progress, and no further trip.
			Path file = Files.createTempFile("hello", ".csv");
			Files.writeString(file, "greeting,count\nhello,1\n");
			String name = file.getFileName().toString();
			browser.find(By.id("a-upload-file")).sendKeys(file.toAbsolutePath().toString());
			browser.click(By.id("a-upload-submit"));
			browser.waitForText(By.id("a-upload-progress"), "Uploaded \u201c" + name + "\u201d");
			browser.screenshot("files-upload");
			browser.click(By.id("upload-a-refresh"));
			browser.waitForText(By.cssSelector("#pane-a table.listing"), name);

			// Preview a CSV as a table, inside the sandboxed frame.
			browser.click(By.cssSelector("a.preview[aria-label='Preview readings.csv']"));
			browser.find(By.id("preview-frame"));
			browser.screenshot("files-preview");
			browser.driver.switchTo().frame("preview-frame");
			assertThat(browser.find(By.id("preview-table")).getText()).contains("sample", "temperature_c", "s0000001");
			browser.driver.switchTo().defaultContent();

			// Download a file: it lands in the browser's downloads, whole.
			browser.click(By.id("back-to-folder"));
			browser.click(By.cssSelector("a.download[aria-label='Download notes.txt']"));
			Path saved = awaitDownload(browser.downloads().resolve("notes.txt"));
			assertThat(Files.size(saved)).isEqualTo(1200);
			assertThat(Files.readString(saved, StandardCharsets.UTF_8)).startsWith("line 00000001 of notes.txt");
			// Nothing asked for a second trip to Globus Auth.
			assertThat(browser.url()).startsWith(base() + "/files");

			browser.open(base() + "/lab/audit/files");
			assertThat(browser.find(By.id("file-access")).getText()).contains("upload", "preview", "download",
					"/projects/samples/notes.txt");
		}
	}

	@Test
	void withoutJavaScriptThePlainFormUploadsAFile() throws IOException {
		try (Browser browser = Browser.start(false)) {
			browser.open(base() + "/files?a_collection=" + LAB_DATA + "&a_path=/projects/samples/");
			browser.logInAs("bob");
			browser.click(By.id("grant-access-a"));
			browser.click(By.id("allow"));
			browser.find(By.cssSelector("#pane-a table.listing"));
			Path file = Files.createTempFile("plain form données", ".txt");
			Files.writeString(file, "sent without script\n".repeat(5000));
			browser.find(By.id("a-upload-file")).sendKeys(file.toAbsolutePath().toString());
			browser.click(By.id("a-upload-submit"));
			browser.waitForText(By.cssSelector("p.notice"), "Uploaded \u201c" + file.getFileName() + "\u201d");
			assertThat(browser.find(By.cssSelector("#pane-a table.listing")).getText())
				.contains(file.getFileName().toString());

			// The same name again: not replaced without the box ticked.
			browser.find(By.id("a-upload-file")).sendKeys(file.toAbsolutePath().toString());
			browser.click(By.id("a-upload-submit"));
			browser.waitForText(By.id("a-upload-problem"), "is already in this folder");
		}
	}

	private static Path awaitDownload(Path file) {
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (!Files.exists(file) && Instant.now().isBefore(until)) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		assertThat(file).as("downloaded").exists();
		return file;
	}

}
