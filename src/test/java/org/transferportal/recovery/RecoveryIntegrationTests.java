package org.transferportal.recovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.transferportal.support.DemoUserAgent;
import org.transferportal.support.TriageDemoSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Triage, "Retry failed items" and "Run again" through the whole portal against the
 * demo's simulated Globus and its folder of files that always fail: what failed shows
 * while the task retries, a retry is a new transfer of exactly the failed (or skipped)
 * files through the usual form, and run again reproduces the request; nobody else's task
 * or draft is reachable.
 */
class RecoveryIntegrationTests extends TriageDemoSupport {

	/** The files of the flaky folder that always fail, relative to it. */
	static final Set<String> FAILING = Set.of("locked-1.dat", "locked-2.dat", "vanished-1.csv", "nested/locked-3.dat",
			"nested/vanished-2.csv");

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRetryingTransferShowsWhatFailedAndWhyAndItsRetryIsExactlyTheFailedFiles() {
		DemoUserAgent alice = as("alice@globusid.org");
		String tag = tag();
		String task = submitFlaky(alice, tag, false);

		awaitProgress(alice, task, "\"noteIsProblem\":true");
		DemoUserAgent.Page running = alice.open("/tasks/" + task);
		assertThat(running.body()).contains("Still retrying: some paths keep failing")
			.contains("Permission denied")
			.contains("<code>/share/flaky/locked-1.dat</code>")
			.contains("<code>/share/flaky/nested/locked-3.dat</code>")
			.contains("File not found")
			.contains("<code>/share/flaky/vanished-1.csv</code>")
			.doesNotContain("/share/flaky/good-1.txt</code>")
			.doesNotContain("id=\"retry-failed\"");

		DemoUserAgent.Page refused = alice.post("/tasks/" + task + "/retry", running, Map.of());
		assertThat(refused.uri().getPath()).isEqualTo("/tasks/" + task);
		assertThat(refused.body()).contains("This transfer is still running");

		alice.post("/tasks/" + task + "/cancel", running, Map.of());
		awaitProgress(alice, task, "\"status\":\"FAILED\"");
		DemoUserAgent.Page failed = alice.open("/tasks/" + task);
		assertThat(failed.body()).contains("id=\"retry-failed\"").contains("id=\"run-again\"");

		DemoUserAgent.Page draft = alice.post("/tasks/" + task + "/retry", failed, Map.of());
		draftOf(draft);
		assertThat(draft.body()).contains("Retry of a transfer: the 5 paths that failed, and nothing that was copied");
		assertThat(draft.field("source_path")).isEqualTo(FLAKY);
		assertThat(draft.field("destination_path")).isEqualTo(destination(tag));
		assertThat(draft.field("label")).isEqualTo("Retry: Flaky " + tag);
		assertThat(lines(textarea(draft, "manifest")))
			.isEqualTo(FAILING.stream().map((f) -> "\"" + f + "\" \"" + f + "\"").collect(Collectors.toSet()));

		String retry = taskOf(alice.post("/transfer", draft, submitted(draft, false)));
		assertThat(itemsOf(retry)).containsExactlyInAnyOrderElementsOf(
				FAILING.stream().map((f) -> FLAKY + f + " -> " + destination(tag) + f).toList());
	}

	@Test
	void withSkipSourceErrorsTheRetryIsExactlyTheSkippedFilesWithTheSameOptions() {
		DemoUserAgent carol = as("carol@example.edu");
		String tag = tag();
		String task = submitFlaky(carol, tag, true);

		awaitProgress(carol, task, "\"status\":\"SUCCEEDED\"");
		DemoUserAgent.Page done = carol.open("/tasks/" + task);
		assertThat(done.body()).contains("Finished, but 5 paths were skipped because of errors at the source")
			.contains("Skipped because of errors (5)")
			.contains("<code>/share/flaky/vanished-1.csv</code>");

		DemoUserAgent.Page draft = carol.post("/tasks/" + task + "/retry", done, Map.of());
		assertThat(draft.body()).contains("the 5 paths that were skipped")
			.contains("name=\"skip_source_errors\" value=\"true\" checked=\"checked\"");
		assertThat(lines(textarea(draft, "manifest"))).isEqualTo(
				FAILING.stream().map((f) -> "\"" + f + "\" \"" + f + "\" --no-recursive").collect(Collectors.toSet()));

		String retry = taskOf(carol.post("/transfer", draft, submitted(draft, true)));
		assertThat(itemsOf(retry)).hasSize(5).allMatch((item) -> item.startsWith(FLAKY));
	}

	@Test
	void runAgainOpensTheSameRequestAndOffersToCopyOnlyWhatChanged() {
		DemoUserAgent bob = as("bob@uchicago.edu");
		String tag = tag();
		String task = submitFlaky(bob, tag, true);
		awaitProgress(bob, task, "\"status\":\"SUCCEEDED\"");
		DemoUserAgent.Page done = bob.open("/tasks/" + task);

		DemoUserAgent.Page again = bob.post("/tasks/" + task + "/again", done, Map.of());
		assertThat(again.body()).contains("Run again: the same items and options");
		assertThat(again.field("source_collection")).isEqualTo(TUTORIAL_1);
		assertThat(again.field("source_path")).isEqualTo(FLAKY);
		assertThat(again.field("destination_collection")).isEqualTo(TUTORIAL_2);
		assertThat(again.field("destination_path")).isEqualTo(destination(tag));
		assertThat(again.field("label")).isEqualTo("Flaky " + tag);
		assertThat(again.body()).contains("name=\"skip_source_errors\" value=\"true\" checked=\"checked\"")
			.contains("<option value=\"\" selected=\"selected\">always</option>");

		DemoUserAgent.Page changed = bob.post("/tasks/" + task + "/again", done, Map.of("only_changed", "1"));
		assertThat(changed.body()).contains("copying only files that are new or changed")
			.contains("<option value=\"2\" selected=\"selected\">if the source is newer</option>");
		assertThat(draftOf(changed)).isNotEqualTo(draftOf(again));

		String rerun = taskOf(bob.post("/transfer", again, submitted(again, true)));
		assertThat(itemsOf(rerun)).as("the same items as the first time").isEqualTo(itemsOf(task));
		assertThat(done.body()).as("members save no lab presets").doesNotContain("save-as-preset");
	}

	@Test
	void anAdminSavesAPastTransferAsALabPresetThroughTheEditor() {
		DemoUserAgent alice = as("alice@globusid.org");
		String tag = tag();
		String task = submitFlaky(alice, tag, true);
		awaitProgress(alice, task, "\"status\":\"SUCCEEDED\"");
		DemoUserAgent.Page done = alice.open("/tasks/" + task);
		assertThat(done.body()).contains("id=\"save-as-preset\"");

		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
			.matcher(presetForm(done.body()));
		while (hidden.find()) {
			fields.put(hidden.group(1), hidden.group(2));
		}
		assertThat(fields).containsEntry("source_collection", TUTORIAL_1)
			.containsEntry("source_path", FLAKY)
			.containsEntry("destination_path", destination(tag));

		DemoUserAgent.Page editor = alice.post("/lab/admin/presets/new", done, fields);
		assertThat(editor.status()).isEqualTo(200);
		assertThat(editor.body()).contains("New lab preset");
		assertThat(editor.field("source_path")).isEqualTo(FLAKY);
		assertThat(editor.field("destination_path")).isEqualTo(destination(tag));
		assertThat(editor.body()).contains("name=\"skip_source_errors\" value=\"true\" checked=\"checked\"");
	}

	@Test
	void nobodyRetriesOrOpensAnotherUsersTaskOrDraft() {
		DemoUserAgent alice = as("alice@globusid.org");
		DemoUserAgent bob = as("bob@uchicago.edu");
		String task = submitFlaky(alice, tag(), true);
		awaitProgress(alice, task, "\"status\":\"SUCCEEDED\"");
		String draft = draftOf(alice.post("/tasks/" + task + "/retry", alice.open("/tasks/" + task), Map.of()));

		DemoUserAgent.Page bobs = bob.open("/transfer");
		DemoUserAgent.Page retry = bob.post("/tasks/" + task + "/retry", bobs, Map.of());
		assertThat(retry.uri().getPath()).isEqualTo("/tasks/" + task);
		assertThat(retry.body()).contains("The portal has no transfer of yours that became this task");
		assertThat(bob.post("/tasks/" + task + "/again", bobs, Map.of()).body())
			.contains("The portal has no transfer of yours that became this task");
		assertThat(bob.open("/transfer/drafts/" + draft).status()).isEqualTo(404);
		assertThat(bob.post("/tasks/not-a-task/retry", bobs, Map.of()).status()).isEqualTo(404);
	}

	/** The task page's form that opens the preset editor. */
	private static String presetForm(String page) {
		int button = page.indexOf("id=\"save-as-preset\"");
		assertThat(button).isPositive();
		return page.substring(page.lastIndexOf("<form", button), button);
	}

	private String submitFlaky(DemoUserAgent user, String tag, boolean skip) {
		DemoUserAgent.Page form = user
			.open("/transfer?source_collection=" + TUTORIAL_1 + "&source_path=" + FLAKY + "&destination_collection="
					+ TUTORIAL_2 + "&destination_path=" + destination(tag) + "&label=Flaky+" + tag);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("draft", form.field("draft"));
		fields.put("form", "1");
		fields.put("source_collection", TUTORIAL_1);
		fields.put("source_path", FLAKY);
		fields.put("destination_collection", TUTORIAL_2);
		fields.put("destination_path", destination(tag));
		fields.put("label", "Flaky " + tag);
		fields.put("verify_checksum", "true");
		if (skip) {
			fields.put("skip_source_errors", "true");
		}
		return taskOf(user.post("/transfer", form, fields));
	}

	/** The fields of a prefilled form as its page shows them, submitted unchanged. */
	private static Map<String, String> submitted(DemoUserAgent.Page draft, boolean skip) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("draft", draftOf(draft));
		fields.put("form", "1");
		for (String name : List.of("source_collection", "source_path", "destination_collection", "destination_path",
				"label")) {
			fields.put(name, draft.field(name));
		}
		fields.put("manifest", textarea(draft, "manifest"));
		fields.put("verify_checksum", "true");
		if (skip) {
			fields.put("skip_source_errors", "true");
		}
		return fields;
	}

	/** The items the portal recorded for a task, {@code source -> destination}. */
	private List<String> itemsOf(String taskId) {
		return this.jdbc.sql("""
				select i.source_path, i.destination_path from transfer_item i
				  join transfer_request r on r.id = i.request_id where r.task_id = ? order by i.position""")
			.param(taskId)
			.query((rs, row) -> rs.getString(1) + " -> " + rs.getString(2))
			.list();
	}

	private static Set<String> lines(String text) {
		return text.lines().map(String::strip).filter((line) -> !line.isEmpty()).collect(Collectors.toSet());
	}

	private static String destination(String tag) {
		return "/~/retry-" + tag + "/";
	}

	private static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
