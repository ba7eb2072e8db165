package org.transferportal.tasks;

import java.util.ArrayList;
import java.util.List;

import org.transferportal.globus.Task;
import org.transferportal.globus.TransferDocument;

/**
 * The {@code globus transfer} command that makes the same request again: the task's
 * options, and the items the user submitted (from the portal's record) as a
 * {@code --batch} here-document, each with {@code --recursive} or {@code --no-recursive}
 * exactly as requested. Safe to paste whatever the names hold: every word is quoted, the
 * here-document's delimiter is quoted (nothing in it expands) and occurs nowhere in its
 * lines, and a name with a control character, which a batch line cannot hold, leaves the
 * items out rather than break the command.
 *
 * @param text the command
 * @param items how many items it carries
 * @param note why it carries none, or {@code null}
 */
record CliCommand(String text, int items, String note) {

	static final String NOT_FROM_PORTAL = "This task was not submitted through the portal, so its items are not "
			+ "known here: add them as SOURCE DEST lines.";

	static final String UNWRITABLE = "A name in this transfer holds a line break or another control character, "
			+ "which a batch file cannot carry, so the command leaves the items out.";

	static CliCommand of(Task task, TaskOptions options, TransferDocument requested) {
		List<String> words = new ArrayList<>();
		words.add("globus");
		words.add("transfer");
		words.add(Shell.quote(value(task.sourceEndpointId(), requested, true)));
		words.add(Shell.quote(value(task.destinationEndpointId(), requested, false)));
		String label = (task.label() != null) ? task.label() : (requested != null) ? requested.label() : null;
		if (label != null && !label.isBlank()) {
			words.add("--label");
			words.add(Shell.quote(label));
		}
		words.addAll(options.flags());
		if (requested != null) {
			words.addAll(requestedFlags(requested));
		}
		words.add("--batch");
		words.add("-");
		List<TransferDocument.Item> items = (requested != null && requested.data() != null) ? requested.data()
				: List.of();
		String note = (requested == null) ? NOT_FROM_PORTAL : null;
		if (items.stream().anyMatch(CliCommand::unwritable)) {
			items = List.of();
			note = UNWRITABLE;
		}
		List<String> lines = new ArrayList<>();
		if (items.isEmpty()) {
			lines.add("# SOURCE_PATH DESTINATION_PATH [--recursive], one item per line");
		}
		for (TransferDocument.Item item : items) {
			lines.add(line(item));
		}
		String delimiter = delimiter(lines);
		String text = String.join(" ", words) + " <<'" + delimiter + "'\n" + String.join("\n", lines) + "\n"
				+ delimiter;
		return new CliCommand(text, items.size(), note);
	}

	/**
	 * The options the task document does not report but the user asked for: filter rules,
	 * local users, notifications turned off.
	 */
	private static List<String> requestedFlags(TransferDocument requested) {
		List<String> flags = new ArrayList<>();
		if (requested.filterRules() != null) {
			for (TransferDocument.FilterRule rule : requested.filterRules()) {
				flags.add("exclude".equals(rule.method()) ? "--exclude" : "--include");
				flags.add(Shell.quote(rule.name()));
			}
		}
		if (requested.sourceLocalUser() != null) {
			flags.add("--source-local-user");
			flags.add(Shell.quote(requested.sourceLocalUser()));
		}
		if (requested.destinationLocalUser() != null) {
			flags.add("--destination-local-user");
			flags.add(Shell.quote(requested.destinationLocalUser()));
		}
		List<String> notify = new ArrayList<>();
		if (!Boolean.FALSE.equals(requested.notifyOnSucceeded())) {
			notify.add("succeeded");
		}
		if (!Boolean.FALSE.equals(requested.notifyOnFailed())) {
			notify.add("failed");
		}
		if (!Boolean.FALSE.equals(requested.notifyOnInactive())) {
			notify.add("inactive");
		}
		if (notify.size() < 3) {
			flags.add("--notify");
			flags.add(notify.isEmpty() ? "off" : String.join(",", notify));
		}
		return flags;
	}

	private static String line(TransferDocument.Item item) {
		String line = Shell.batchWord(item.sourcePath()) + " " + Shell.batchWord(item.destinationPath());
		if (Boolean.TRUE.equals(item.recursive())) {
			return line + " --recursive";
		}
		return Boolean.FALSE.equals(item.recursive()) ? line + " --no-recursive" : line;
	}

	private static boolean unwritable(TransferDocument.Item item) {
		return Shell.hasControlCharacter(item.sourcePath()) || Shell.hasControlCharacter(item.destinationPath());
	}

	/** {@code EOF}, or the first {@code EOF_n} that no line contains. */
	static String delimiter(List<String> lines) {
		String delimiter = "EOF";
		for (int n = 1; contains(lines, delimiter); n++) {
			delimiter = "EOF_" + n;
		}
		return delimiter;
	}

	private static boolean contains(List<String> lines, String text) {
		return lines.stream().anyMatch((line) -> line.contains(text));
	}

	private static String value(String fromTask, TransferDocument requested, boolean source) {
		if (fromTask != null && !fromTask.isBlank()) {
			return fromTask;
		}
		if (requested == null) {
			return "";
		}
		return source ? requested.sourceEndpoint() : requested.destinationEndpoint();
	}

}
