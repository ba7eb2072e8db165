package org.transferportal.audit;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.transferportal.support.Sizes;

/**
 * One row of the history as the page shows it: readable times, collection names, the path
 * that matched, what moved.
 *
 * @param requestId the portal's request id ("Run again")
 * @param submitted when Globus accepted it
 * @param username who submitted it
 * @param label the label, or empty
 * @param source the source collection's name, or {@code null} when not known
 * @param sourceId the source collection's id
 * @param destination the destination collection's name, or {@code null} when not known
 * @param destinationId the destination collection's id
 * @param sourcePath the shown item's source path (the first, or the first matching)
 * @param destinationPath the shown item's destination path
 * @param otherItems how many more items the transfer had
 * @param taskId Globus's task id
 * @param status the task's status as last seen, or {@code null} before the first look
 * @param failureKind why it failed, for a failed task
 * @param moved what moved, e.g. {@code 1.2 GB in 34 files}, once finished
 * @param skippedAndFailed files skipped and failed, e.g. {@code 3 skipped}, or empty
 * @param took how long it ran, e.g. {@code 3 min 12 s}, once finished
 * @param own whether it is the viewer's own transfer (which they may run again)
 * @param delete whether it is a delete (of the source paths; there is no destination)
 */
record HistoryEntry(String requestId, Instant submitted, String username, String label, String source, String sourceId,
		String destination, String destinationId, String sourcePath, String destinationPath, int otherItems,
		String taskId, String status, String failureKind, String moved, String skippedAndFailed, String took,
		boolean own, boolean delete) {

	static HistoryEntry of(HistorySearch.Row row, HistorySearch.Items items, Map<String, String> names, String viewer) {
		boolean finished = row.completedAt() != null;
		boolean delete = "DELETE".equals(row.taskType());
		String moved = finished ? Sizes.human(orZero(row.bytes())) + " in " + files(orZero(row.files())) : "";
		StringBuilder problems = new StringBuilder();
		if (orZero(row.filesSkipped()) > 0) {
			problems.append(number(row.filesSkipped())).append(" skipped (up to date)");
		}
		long failed = orZero(row.subtasksFailed()) + orZero(row.skippedErrors());
		if (failed > 0) {
			problems.append((problems.length() > 0) ? ", " : "").append(number(failed)).append(" failed");
		}
		return new HistoryEntry(row.id(), row.submittedAt(), row.username(), (row.label() != null) ? row.label() : "",
				names.get(row.sourceCollection()), row.sourceCollection(), names.get(row.destinationCollection()),
				row.destinationCollection(), (items != null) ? items.shown().sourcePath() : "",
				(items != null) ? items.shown().destinationPath() : "", (items != null) ? items.count() - 1 : 0,
				row.taskId(), row.taskStatus(), row.failureKind(), moved, problems.toString(),
				(row.durationSeconds() != null) ? duration(row.durationSeconds()) : "",
				row.subject().equals(viewer) && !delete, delete);
	}

	/** e.g. {@code 45 s}, {@code 3 min 12 s}, {@code 2 h 5 min}, {@code 3 d 4 h}. */
	static String duration(long seconds) {
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + " min " + (seconds % 60) + " s";
		}
		if (seconds < 86400) {
			return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
		}
		return (seconds / 86400) + " d " + (seconds % 86400 / 3600) + " h";
	}

	private static String files(long files) {
		return number(files) + ((files == 1) ? " file" : " files");
	}

	private static String number(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	private static long orZero(Long value) {
		return (value != null) ? value : 0;
	}

}
