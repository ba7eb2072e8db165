package org.transferportal.tasks;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.transferportal.globus.GlobusTimes;
import org.transferportal.globus.Task;

/**
 * The options a task ran with, in words, and as {@code globus transfer} flags.
 *
 * @param syncLevel when files were copied
 * @param facts the other options that were on, in words
 * @param flags the same options as {@code globus transfer} command-line flags
 * @param deadline the task's deadline, shown as every other time is; {@code null} when
 * none (or unreadable, then it is among the facts as Globus wrote it)
 */
record TaskOptions(String syncLevel, List<String> facts, List<String> flags, OffsetDateTime deadline) {

	private static final String[] SYNC_WORDS = { "only if missing at the destination", "if the size differs",
			"if the source is newer", "if checksums differ" };

	private static final String[] SYNC_FLAGS = { "exists", "size", "mtime", "checksum" };

	static TaskOptions of(Task task) {
		List<String> facts = new ArrayList<>();
		List<String> flags = new ArrayList<>();
		Integer sync = task.syncLevel();
		boolean validSync = sync != null && sync >= 0 && sync < SYNC_WORDS.length;
		if (validSync) {
			flags.add("--sync-level " + SYNC_FLAGS[sync]);
		}
		if (Boolean.TRUE.equals(task.verifyChecksum())) {
			facts.add("verify checksums");
			flags.add("--verify-checksum");
		}
		else if (Boolean.FALSE.equals(task.verifyChecksum())) {
			facts.add("no checksum verification");
			flags.add("--no-verify-checksum");
		}
		option(task.preserveTimestamp(), "preserve modification times", "--preserve-timestamp", facts, flags);
		option(task.encryptData(), "encrypt data in transit", "--encrypt-data", facts, flags);
		option(task.deleteDestinationExtra(), "delete extra destination files", "--delete-destination-extra", facts,
				flags);
		option(task.skipSourceErrors(), "skip files that cannot be read", "--skip-source-errors", facts, flags);
		option(task.failOnQuotaErrors(), "fail on quota errors", "--fail-on-quota-errors", facts, flags);
		OffsetDateTime deadline = GlobusTimes.parse(task.deadline());
		if (task.deadline() != null && !task.deadline().isBlank()) {
			if (deadline == null) {
				facts.add("deadline " + task.deadline());
			}
			flags.add("--deadline " + Shell.quote(task.deadline()));
		}
		return new TaskOptions(validSync ? "copy " + SYNC_WORDS[sync] : "always copy", facts, flags, deadline);
	}

	private static void option(Boolean on, String fact, String flag, List<String> facts, List<String> flags) {
		if (Boolean.TRUE.equals(on)) {
			facts.add(fact);
			flags.add(flag);
		}
	}

}
