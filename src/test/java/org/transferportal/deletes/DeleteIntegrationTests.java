package org.transferportal.deletes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import org.transferportal.support.DemoUserAgent;
import org.transferportal.support.TriageDemoSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safe deletes through the whole portal against the demo's simulated Globus, which really
 * removes what a delete task names and loses the answer to the first delete it accepts:
 * the file manager's selection, the preview, the typed confirmation, one task however the
 * answer went, the record in the audit; refusals that keep the user where they were;
 * nobody else's delete reachable.
 *
 * <p>
 * A demo of its own, since its simulated Globus has a fault the shared one has not: the
 * answer to the first delete it accepts stalls past the portal's submit timeout.
 */
@TestPropertySource(properties = { "simulator.faults[0]=POST /delete:lost:1", "simulator.slow-delay=4s",
		"globus.submit-timeout=2s" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeleteIntegrationTests extends TriageDemoSupport {

	private static final Pattern COUNT = Pattern.compile("\"%s\":(\\d+)");

	@Autowired
	JdbcClient jdbc;

	/** First: the simulated Globus loses the answer to the first delete it accepts. */
	@Test
	@Order(1)
	void aFolderGoesThroughPreviewAndTypedConfirmationToOneTaskEvenWhenTheAnswerIsLost() {
		DemoUserAgent alice = as("alice@globusid.org");
		String tag = tag();
		String parent = "/~/del-" + tag + "/";
		copy(alice, "/share/godata/", parent + "data/");

		DemoUserAgent.Page files = alice.open("/files?a_collection=" + TUTORIAL_2 + "&a_path=" + parent);
		assertThat(files.body()).contains("id=\"delete-a\"").contains("id=\"delete-folder-a\"");
		DemoUserAgent.Page preview = alice.postAll("/deletes", files,
				List.of(Map.entry("source_collection", TUTORIAL_2), Map.entry("source_path", parent),
						Map.entry("item", "data/"), Map.entry("scope", "selection")));
		String previewPath = preview.uri().getPath();
		assertThat(previewPath).startsWith("/deletes/");
		assertThat(preview.body()).contains("<code>data/</code>")
			.contains("folder, deleted with everything inside it")
			.contains("directly inside: ")
			.contains("file1.txt")
			.contains("<strong>1 folder</strong> will be deleted")
			.contains("To confirm, type <strong id=\"confirm-phrase\">data</strong>");
		long deletesBefore = count("POST /delete");

		DemoUserAgent.Page wrong = alice.post(previewPath, preview, Map.of("confirm", "dat", "label", "Clean " + tag));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.body()).contains("Type “data” exactly to confirm; nothing was deleted.")
			.contains("value=\"dat\"");
		assertThat(count("POST /delete")).as("nothing sent").isEqualTo(deletesBefore);

		long lostBefore = fault("lost");
		DemoUserAgent.Page task = alice.post(previewPath, wrong, Map.of("confirm", "data", "label", "Clean " + tag));
		String taskId = taskOf(task);
		assertThat(fault("lost")).as("the first answer was lost").isEqualTo(lostBefore + 1);
		assertThat(count("POST /delete")).as("sent again, with the same submission id").isEqualTo(deletesBefore + 2);
		assertThat(task.body()).contains("<h1>Delete task</h1>");
		awaitProgress(alice, taskId, "\"status\":\"SUCCEEDED\"");

		assertThat(occurrences(alice.open("/tasks").body(), ">Clean " + tag + "</a>")).as("one delete task")
			.isEqualTo(1);
		assertThat(taskOf(alice.post(previewPath, preview, Map.of("confirm", "data")))).as("a resent confirmation")
			.isEqualTo(taskId);
		assertThat(alice.open("/files?a_collection=" + TUTORIAL_2 + "&a_path=" + parent).body())
			.doesNotContain("value=\"data/\"");
		Map<String, Object> record = this.jdbc
			.sql("select task_type, status, source_collection, destination_collection from transfer_request "
					+ "where task_id = ?")
			.param(taskId)
			.query()
			.singleRow();
		assertThat(record).containsEntry("TASK_TYPE", "DELETE")
			.containsEntry("STATUS", "SUBMITTED")
			.containsEntry("SOURCE_COLLECTION", TUTORIAL_2);
		assertThat(record.get("DESTINATION_COLLECTION")).isNull();
		assertThat(this.jdbc
			.sql("select i.source_path from transfer_item i join transfer_request r "
					+ "on r.id = i.request_id where r.task_id = ?")
			.param(taskId)
			.query(String.class)
			.list()).containsExactly(parent + "data/");
		assertThat(alice.open("/lab/audit").body()).contains(taskId).contains("<span class=\"badge\">Delete</span>");
		String history = alice.open("/history?q=del-" + tag).body();
		assertThat(history).contains("Clean " + tag).contains("<span class=\"badge\">Deleted</span>");
		assertThat(occurrences(history, "class=\"run-again\"")).as("only the copy runs again").isEqualTo(1);
	}

	@Test
	@Order(2)
	void filesNeedNoTypingAndNobodyElseReachesTheDelete() {
		DemoUserAgent alice = as("alice@globusid.org");
		DemoUserAgent bob = as("bob@uchicago.edu");
		String parent = "/~/del-" + tag() + "/";
		copy(alice, "/share/godata/", parent);
		DemoUserAgent.Page files = alice.open("/files?a_collection=" + TUTORIAL_2 + "&a_path=" + parent);
		DemoUserAgent.Page preview = alice.postAll("/deletes", files,
				List.of(Map.entry("source_collection", TUTORIAL_2), Map.entry("source_path", parent),
						Map.entry("item", "file1.txt"), Map.entry("item", "file2.txt")));
		String previewPath = preview.uri().getPath();
		assertThat(preview.body()).contains("<strong>2 files</strong> will be deleted")
			.doesNotContain("id=\"confirm\"");

		DemoUserAgent.Page bobs = bob.open("/transfer");
		assertThat(bob.open(previewPath).status()).isEqualTo(404);
		assertThat(bob.post(previewPath, bobs, Map.of("confirm", "")).status()).isEqualTo(404);
		assertThat(bob.open("/deletes/not-a-delete").status()).isEqualTo(404);
		assertThat(bob.open("/transfer/drafts/" + previewPath.substring("/deletes/".length())).status())
			.as("a delete is no transfer form")
			.isEqualTo(404);

		String taskId = taskOf(alice.post(previewPath, preview, Map.of()));
		awaitProgress(alice, taskId, "\"status\":\"SUCCEEDED\"");
		assertThat(alice.open("/files?a_collection=" + TUTORIAL_2 + "&a_path=" + parent).body())
			.doesNotContain("value=\"file1.txt\"")
			.doesNotContain("value=\"file2.txt\"")
			.contains("value=\"file3.txt\"");
	}

	@Test
	@Order(3)
	void aRootTheLabsArchiveAndAnEmptySelectionAreRefusedOnThePageTheUserWasOn() {
		DemoUserAgent carol = as("carol@example.edu");
		DemoUserAgent.Page files = carol.open("/files?a_collection=" + TUTORIAL_2 + "&a_path=/~/");
		assertThat(files.body()).doesNotContain("id=\"delete-folder-a\"");
		String back = "/files?a_collection=" + TUTORIAL_2 + "&a_path=/~/";

		DemoUserAgent.Page root = carol.post("/deletes", files,
				form(Map.of("source_collection", TUTORIAL_2, "source_path", "/~/", "scope", "folder", "back", back)));
		assertThat(root.uri().getPath()).isEqualTo("/files");
		assertThat(root.body()).contains("is the root of the collection or a home folder");
		DemoUserAgent.Page home = carol.post("/deletes", files,
				form(Map.of("source_collection", TUTORIAL_2, "source_path", "/home/", "item", "carol/", "back", back)));
		assertThat(home.body()).as("the home folder as the storage spells it")
			.contains("“/home/carol/” is the root of the collection or a home folder, or holds one");
		DemoUserAgent.Page holder = carol.post("/deletes", files, form(
				Map.of("source_collection", TUTORIAL_2, "source_path", "/home/", "scope", "folder", "back", back)));
		assertThat(holder.body()).contains("“/home/” is the root of the collection or a home folder, or holds one");

		DemoUserAgent.Page archive = carol.post("/deletes", files, form(Map.of("source_collection",
				"313ce13e-b597-5858-ae13-29e46fea26e6", "source_path", "/archive/", "item", "old.tar", "back", back)));
		assertThat(archive.body()).contains("The lab does not allow deleting anything on Archive (mapped)");

		DemoUserAgent.Page none = carol.post("/deletes", files,
				form(Map.of("source_collection", TUTORIAL_2, "source_path", "/~/", "back", back)));
		assertThat(none.body()).contains("Select at least one file or folder to delete.");
		assertThat(none.uri().getQuery()).contains("a_path=/~/");
	}

	/** Copies a folder of Tutorial Collection 1 into Tutorial Collection 2, and waits. */
	private void copy(DemoUserAgent user, String from, String to) {
		DemoUserAgent.Page form = user.open("/transfer");
		Map<String, String> fields = form(Map.of("draft", String.valueOf(form.field("draft")), "form", "1",
				"source_collection", TUTORIAL_1, "source_path", from, "destination_collection", TUTORIAL_2,
				"destination_path", to, "verify_checksum", "true"));
		String taskId = taskOf(user.post("/transfer", form, fields));
		awaitProgress(user, taskId, "\"status\":\"SUCCEEDED\"");
	}

	private static Map<String, String> form(Map<String, String> fields) {
		return new LinkedHashMap<>(fields);
	}

	/** Calls the simulated Transfer counted, e.g. {@code POST /delete}. */
	private long count(String call) {
		return number(stats(), call);
	}

	private long fault(String kind) {
		return number(stats(), kind);
	}

	private String stats() {
		return as("alice@globusid.org").open("/simulator/stats").body();
	}

	private static long number(String json, String key) {
		Matcher matcher = Pattern.compile(String.format(COUNT.pattern(), Pattern.quote(key))).matcher(json);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	private static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
