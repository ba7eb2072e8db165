package org.transferportal.tasks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.node.ObjectNode;

import org.transferportal.globus.Task;
import org.transferportal.globus.TransferDocument;
import org.transferportal.globus.TransferDocument.Item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Pasting the task page's command into bash runs {@code globus} with exactly the label
 * and items asked for, whatever the names hold: quotes, {@code $(…)}, backticks, the word
 * {@code EOF}, line breaks. bash itself is the parser: it reads the command (after
 * {@code bash -n}), and each batch line is split by bash's own word rules, which for
 * single-quoted words are the POSIX rules the CLI's {@code shlex} applies.
 */
class CliCommandPropertyTests {

	private static final String PARSE = """
			set -u
			globus() { printf '%s\\0' "$@" > "$OUT/args"; cat > "$OUT/batch"; }
			. "$OUT/command.sh"
			: > "$OUT/items"
			while IFS= read -r line || [ -n "$line" ]; do
			  case "$line" in '#'*|'') continue ;; esac
			  eval "set -- $line"
			  printf '%s\\0' "$@" >> "$OUT/items"
			  printf '\\n\\0' >> "$OUT/items"
			done < "$OUT/batch"
			""";

	@BeforeContainer
	static void needsBash() {
		assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to parse the command");
	}

	@Property(tries = 150)
	void bashReadsExactlyTheLabelAndItems(@ForAll("labels") String label, @ForAll("itemLists") List<Item> items)
			throws Exception {
		Task task = task(label);
		CliCommand command = CliCommand.of(task, TaskOptions.of(task), CliCommandTests.requested(items));
		boolean writable = items.stream()
			.noneMatch(
					(i) -> Shell.hasControlCharacter(i.sourcePath()) || Shell.hasControlCharacter(i.destinationPath()));

		Parsed parsed = parse(command.text());

		assertThat(parsed.canary()).as("nothing in the command ran").isFalse();
		List<String> args = parsed.args();
		assertThat(args.subList(0, 5)).containsExactly("transfer", task.sourceEndpointId(),
				task.destinationEndpointId(), "--label", label);
		assertThat(args.subList(args.size() - 2, args.size())).containsExactly("--batch", "-");
		List<List<String>> expected = new ArrayList<>();
		if (writable) {
			for (Item item : items) {
				List<String> line = new ArrayList<>(List.of(item.sourcePath(), item.destinationPath()));
				if (item.recursive() != null) {
					line.add(item.recursive() ? "--recursive" : "--no-recursive");
				}
				expected.add(line);
			}
		}
		assertThat(parsed.items()).isEqualTo(expected);
		assertThat(command.items()).isEqualTo(expected.size());
	}

	@Provide
	Arbitrary<String> labels() {
		return hostile(1, 40).filter((label) -> !label.isBlank());
	}

	@Provide
	Arbitrary<List<Item>> itemLists() {
		Arbitrary<Item> item = Combinators
			.combine(hostile(1, 30), hostile(1, 30), Arbitraries.of(true, false).injectNull(0.3))
			.as((from, to, recursive) -> Item.of("/" + from, "/" + to, recursive));
		return item.list().ofMinSize(1).ofMaxSize(6);
	}

	/** Text made of what breaks naive quoting, with a line break now and then. */
	private static Arbitrary<String> hostile(int min, int max) {
		Arbitrary<String> pieces = Arbitraries.oneOf(
				Arbitraries.of("'", "\"", "$", "$(touch canary)", "`touch canary`", "\\", " ", "EOF", "EOF_1", "#", "*",
						"~", ";", "|", "&", "<<", ">", "!", "{", "}", "é", "日本", "-", "--recursive"),
				Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4));
		Arbitrary<String> text = pieces.list()
			.ofMinSize(min)
			.ofMaxSize(Math.max(min, max / 2))
			.map((p) -> String.join("", p));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, text),
				net.jqwik.api.Tuple.of(1, text.map((t) -> t + "\nEOF\ntouch canary\n")),
				net.jqwik.api.Tuple.of(1, text.map((t) -> t + "\t\r\u2028")));
	}

	private static Task task(String label) throws IOException {
		ObjectNode node = (ObjectNode) CliCommandTests.JSON
			.readTree(CliCommandTests.class.getResourceAsStream("/globus/transfer/task_active.json"));
		node.put("label", label);
		return CliCommandTests.JSON.treeToValue(node, Task.class);
	}

	private static Parsed parse(String command) throws Exception {
		Path dir = Files.createTempDirectory("cli-command");
		try {
			Files.writeString(dir.resolve("command.sh"), command, StandardCharsets.UTF_8);
			run(dir, "bash", "-n", dir.resolve("command.sh").toString());
			run(dir, "bash", "-c", PARSE);
			List<String> args = nulSeparated(dir.resolve("args"));
			List<List<String>> items = new ArrayList<>();
			List<String> line = new ArrayList<>();
			for (String word : nulSeparated(dir.resolve("items"))) {
				if ("\n".equals(word)) {
					items.add(line);
					line = new ArrayList<>();
				}
				else {
					line.add(word);
				}
			}
			return new Parsed(args, items, Files.exists(dir.resolve("canary")));
		}
		finally {
			try (var files = Files.walk(dir)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

	private static void run(Path dir, String... command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
		builder.environment().put("OUT", dir.toString());
		builder.environment().put("LC_ALL", "C.UTF-8");
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
	}

	private static List<String> nulSeparated(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		if (text.isEmpty()) {
			return List.of();
		}
		return Arrays.asList(text.substring(0, text.length() - 1).split("\0", -1));
	}

	private record Parsed(List<String> args, List<List<String>> items, boolean canary) {
	}

}
