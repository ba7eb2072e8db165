package org.transferportal.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.transferportal.globus.Task;
import org.transferportal.globus.TransferDocument;
import org.transferportal.globus.TransferDocument.Item;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task page's command: built from what the user submitted, not from the files moved.
 */
class CliCommandTests {

	static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Test
	void aPortalRequestBecomesOneBatchLinePerSubmittedItemWithRecursiveExactlyAsAsked() throws IOException {
		Task task = task();
		List<Item> items = List.of(Item.of("/projects/a/", "/archive/a/", true),
				Item.of("/projects/b.csv", "/archive/b.csv", false), Item.of("/projects/c", "/archive/c", null),
				Item.of("/projects/d/", "/archive/d/", true), Item.of("/projects/e/", "/archive/e/", true));
		CliCommand command = CliCommand.of(task, TaskOptions.of(task), requested(items));

		assertThat(command.text())
			.startsWith("globus transfer aa752cea-8222-5bc8-acd9-555b090c0ccb 313ce13e-b597-5858-ae13-29e46fea26e6"
					+ " --label 'nightly sync' --verify-checksum --deadline 2022-01-27T19:18:20+00:00"
					+ " --batch - <<'EOF'\n")
			.contains("\n'/projects/a/' '/archive/a/' --recursive\n")
			.contains("\n'/projects/b.csv' '/archive/b.csv' --no-recursive\n")
			.contains("\n'/projects/c' '/archive/c'\n")
			.endsWith("\nEOF");
		assertThat(command.text().lines()).hasSize(7);
		assertThat(command.items()).isEqualTo(5);
		assertThat(command.note()).isNull();
	}

	@Test
	void aTaskNotSubmittedThroughThePortalGetsTheCommandWithoutItemsAndSaysSo() throws IOException {
		Task task = task();
		CliCommand command = CliCommand.of(task, TaskOptions.of(task), null);
		assertThat(command.items()).isZero();
		assertThat(command.note()).isEqualTo(CliCommand.NOT_FROM_PORTAL);
		assertThat(command.text()).contains("<<'EOF'\n# SOURCE_PATH DESTINATION_PATH").endsWith("\nEOF");
	}

	@Test
	void theRequestsOwnOptionsThatTheTaskDoesNotReportAreKept() throws IOException {
		Task task = task();
		TransferDocument requested = new TransferDocument(null, null, null, null, null, null, null, null, null, null,
				null, null, false, true, false, "alice", null,
				List.of(new TransferDocument.FilterRule("exclude", "*.tmp", null)),
				List.of(Item.of("/a/", "/b/", true)));
		assertThat(CliCommand.of(task, TaskOptions.of(task), requested).text())
			.contains(" --exclude '*.tmp' --source-local-user alice --notify failed --batch - ");
	}

	@Test
	void theDelimiterIsOneNoLineContains() {
		assertThat(CliCommand.delimiter(List.of("'/EOF' '/x'"))).isEqualTo("EOF_1");
		assertThat(CliCommand.delimiter(List.of("'/EOF EOF_1' '/x'"))).isEqualTo("EOF_2");
		assertThat(CliCommand.delimiter(List.of("'/a' '/b'"))).isEqualTo("EOF");
	}

	@Test
	void aNameWithALineBreakLeavesTheItemsOutRatherThanBreakTheHereDocument() throws IOException {
		Task task = task();
		CliCommand command = CliCommand.of(task, TaskOptions.of(task),
				requested(List.of(Item.of("/x\nEOF\nrm -rf ~\n", "/y", null))));
		assertThat(command.items()).isZero();
		assertThat(command.note()).isEqualTo(CliCommand.UNWRITABLE);
		assertThat(command.text()).doesNotContain("rm -rf");
	}

	@Test
	void wordsAreQuotedForTheShell() {
		assertThat(Shell.quote("it's")).isEqualTo("'it'\\''s'");
		assertThat(Shell.quote("plain-id_1.2")).isEqualTo("plain-id_1.2");
		assertThat(Shell.quote("")).isEqualTo("''");
		assertThat(Shell.quote("a\nb'c")).isEqualTo("$'a\\nb\\'c'");
	}

	static TransferDocument requested(List<Item> items) {
		return new TransferDocument(null, "aa752cea-8222-5bc8-acd9-555b090c0ccb",
				"313ce13e-b597-5858-ae13-29e46fea26e6", "nightly sync", null, true, null, null, null, null, null, null,
				true, true, true, null, null, null, items);
	}

	static Task task() throws IOException {
		try (InputStream in = CliCommandTests.class.getResourceAsStream("/globus/transfer/task_active.json")) {
			return JSON.readValue(in, Task.class);
		}
	}

}
