package org.transferportal.support;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the whole-flow tests of triage, retry, run again and delete: the shared demo of
 * {@link DemoTestSupport} (its simulated Globus has a folder where some files always
 * fail), with helpers to follow a task and read a transfer form.
 */
public abstract class TriageDemoSupport extends DemoTestSupport {

	protected static final String TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	protected static final String TUTORIAL_2 = "31ce9ba0-176d-45a5-add3-f37d233ba47d";

	/** The demo's folder where some files always fail. */
	protected static final String FLAKY = "/share/flaky/";

	private static final Pattern TASK = Pattern.compile("/tasks/([0-9a-f-]{36})");

	/** A browser logged in to the demo as this identity. */
	protected DemoUserAgent as(String username) {
		return new DemoUserAgent(base(), username);
	}

	/** The task id of a task page (or of a path naming a task). */
	protected static String taskOf(DemoUserAgent.Page page) {
		Matcher matcher = TASK.matcher(page.uri().getPath());
		assertThat(matcher.find()).as("a task page, got %s: %s", page.uri(), page.body().length()).isTrue();
		return matcher.group(1);
	}

	/** The draft id of a transfer form page. */
	protected static String draftOf(DemoUserAgent.Page page) {
		URI uri = page.uri();
		assertThat(uri.getPath()).as("a transfer form").startsWith("/transfer/drafts/");
		return uri.getPath().substring("/transfer/drafts/".length());
	}

	/** The text of a textarea of the page, unescaped. */
	protected static String textarea(DemoUserAgent.Page page, String name) {
		Matcher matcher = Pattern.compile("<textarea[^>]*name=\"" + name + "\"[^>]*>([^<]*)</textarea>")
			.matcher(page.body());
		assertThat(matcher.find()).as("textarea " + name).isTrue();
		return matcher.group(1)
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	/**
	 * Polls a task's progress until its JSON contains the text; gives up after a minute
	 * (a hang, not a measurement).
	 */
	protected static String awaitProgress(DemoUserAgent user, String taskId, String text) {
		Instant until = Instant.now().plus(Duration.ofMinutes(1));
		while (true) {
			String progress = user.open("/tasks/" + taskId + "/progress").body();
			if (progress.contains(text)) {
				return progress;
			}
			assertThat(Instant.now()).as("task %s shows %s; last: %s", taskId, text, progress).isBefore(until);
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
