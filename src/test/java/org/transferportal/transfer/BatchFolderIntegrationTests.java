package org.transferportal.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.transferportal.support.DemoTestSupport;
import org.transferportal.support.DemoUserAgent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch in the Globus CLI's format against the demo's simulated Transfer, which detects
 * a path's type as Transfer does when {@code recursive} is left out: a line naming a
 * folder without {@code --recursive} moves the folder, and a file line moves the file.
 */
class BatchFolderIntegrationTests extends DemoTestSupport {

	static final String TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	static final String TUTORIAL_2 = "31ce9ba0-176d-45a5-add3-f37d233ba47d";

	@Test
	void aFolderLineWithoutRecursiveMovesTheFolderAndAFileLineTheFile() throws InterruptedException {
		DemoUserAgent bob = new DemoUserAgent(base(), "bob@uchicago.edu");
		String destination = "/~/batch-" + UUID.randomUUID().toString().substring(0, 8) + "/";
		DemoUserAgent.Page form = bob.open("/transfer");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("draft", (form.field("draft") != null) ? form.field("draft") : "");
		fields.put("source_collection", TUTORIAL_1);
		fields.put("source_path", "/share/");
		fields.put("destination_collection", TUTORIAL_2);
		fields.put("destination_path", destination);
		fields.put("label", "CLI batch");
		fields.put("manifest", "godata copied\ngodata/file2.txt single.txt\n");
		DemoUserAgent.Page task = bob.post("/transfer", form, fields);
		assertThat(task.uri().getPath()).as(task.body()).startsWith("/tasks/");

		String folder = listingOnceDone(bob, destination + "copied/", "file1.txt");
		assertThat(folder).contains("Select file1.txt", "Select file2.txt", "Select file3.txt");
		assertThat(listingOnceDone(bob, destination, "single.txt")).contains("Select copied");
	}

	/** The destination folder's listing, once it names the expected entry. */
	private String listingOnceDone(DemoUserAgent user, String path, String expected) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		String body = "";
		while (Instant.now().isBefore(deadline)) {
			body = user.open("/files?a_collection=" + TUTORIAL_2 + "&a_path=" + path).body();
			if (body.contains("Select " + expected)) {
				return body;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("No " + expected + " in " + path + " within a minute:\n" + body);
	}

}
