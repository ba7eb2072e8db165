package org.transferportal.transfer;

import java.util.ArrayList;
import java.util.List;

/**
 * A transfer's options that differ from the form's defaults, in the words of the form, so
 * that an option set by a link, a preset or an earlier transfer is always shown and never
 * kept out of sight (review M1). The most consequential comes first.
 */
public final class TransferOptions {

	private static final int SHOWN_CHARS = 200;

	private TransferOptions() {
	}

	/** Each option of the form that is not the default, as a sentence. */
	public static List<String> nonDefault(TransferForm form) {
		List<String> options = new ArrayList<>();
		if (form.deleteDestinationExtra()) {
			options.add("Delete files at the destination that are not in the source");
		}
		if (form.skipSourceErrors()) {
			options.add("Skip files that cannot be read");
		}
		if (!form.syncLevel().isBlank()) {
			options.add(syncLevel(form.syncLevel().strip()));
		}
		if (!form.filterRules().isBlank()) {
			options.add("Filter rules: " + shown(String.join("; ", form.filterRules().strip().lines().toList())));
		}
		if (!form.sourceLocalUser().isBlank()) {
			options.add("Source local user: " + shown(form.sourceLocalUser().strip()));
		}
		if (!form.destinationLocalUser().isBlank()) {
			options.add("Destination local user: " + shown(form.destinationLocalUser().strip()));
		}
		if (!form.verifyChecksum()) {
			options.add("Do not verify checksums after transfer");
		}
		if (form.preserveTimestamp()) {
			options.add("Preserve modification times");
		}
		if (form.encryptData()) {
			options.add("Encrypt data in transit");
		}
		if (form.failOnQuotaErrors()) {
			options.add("Fail at once when the destination is out of quota");
		}
		if (!form.deadline().isBlank()) {
			options.add("Deadline: " + shown(form.deadline().strip()) + " (UTC)");
		}
		if (!form.notifyOnSucceeded()) {
			options.add("No email when it succeeds");
		}
		if (!form.notifyOnFailed()) {
			options.add("No email when it fails");
		}
		if (!form.notifyOnInactive()) {
			options.add("No email when it needs attention");
		}
		return options;
	}

	private static String syncLevel(String level) {
		return switch (level) {
			case "0", "exists" -> "Copy files only if they are missing at the destination";
			case "1", "size" -> "Copy files only if their size differs";
			case "2", "mtime" -> "Copy files only if the source is newer";
			case "3", "checksum" -> "Copy files only if their checksums differ";
			default -> "Copy files: " + shown(level);
		};
	}

	/** Long text cut for the summary; the field below shows it whole. */
	private static String shown(String text) {
		return (text.length() <= SHOWN_CHARS) ? text : text.substring(0, SHOWN_CHARS - 1) + "…";
	}

}
