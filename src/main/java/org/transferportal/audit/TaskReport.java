package org.transferportal.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;

import org.transferportal.globus.GlobusTimes;
import org.transferportal.globus.Task;

/**
 * What the history keeps of a task document: its status and, once it has finished, the
 * figures Globus gives for it.
 *
 * @param taskId the task id
 * @param status {@code ACTIVE}, {@code INACTIVE}, {@code SUCCEEDED} or {@code FAILED}
 * @param bytes {@code bytes_transferred}
 * @param files {@code files_transferred}
 * @param filesSkipped {@code files_skipped}: files a sync level found up to date
 * @param subtasksFailed {@code subtasks_failed}
 * @param skippedErrors {@code subtasks_skipped_errors}: files left out under
 * {@code skip_source_errors}
 * @param faults {@code faults}: errors Globus retried
 * @param failureKind why a failed task failed: the {@code fatal_error} code, else the
 * {@code nice_status} word, else {@code UNKNOWN}; {@code null} for a task that did not
 * fail
 * @param requestedAt Globus's {@code request_time}, or {@code null}
 * @param completedAt Globus's {@code completion_time}, or {@code null}
 */
record TaskReport(String taskId, String status, long bytes, long files, long filesSkipped, long subtasksFailed,
		long skippedErrors, long faults, String failureKind, Instant requestedAt, Instant completedAt) {

	static final String SUCCEEDED = "SUCCEEDED";

	static final String FAILED = "FAILED";

	/** {@code nice_status} words that say nothing went wrong. */
	private static final Set<String> FINE = Set.of("OK", "QUEUED");

	/** The longest status or failure kind the record keeps (its columns' width). */
	private static final int MAX_STATUS = 16;

	private static final int MAX_KIND = 64;

	static TaskReport of(Task task) {
		String status = task.status();
		String kind = null;
		if (FAILED.equals(status)) {
			kind = word((task.fatalError() != null) ? task.fatalError().code() : null);
			if (kind == null && task.niceStatus() != null
					&& !FINE.contains(task.niceStatus().toUpperCase(Locale.ROOT))) {
				kind = word(task.niceStatus());
			}
			kind = (kind != null) ? kind : "UNKNOWN";
		}
		return new TaskReport(task.taskId(), status, count(task.bytesTransferred()), count(task.filesTransferred()),
				count(task.filesSkipped()), count(task.subtasksFailed()), count(task.subtasksSkippedErrors()),
				count(task.faults()), kind, instant(task.requestTime()), instant(task.completionTime()));
	}

	/** Whether Globus is done with the task: its figures will not change. */
	boolean finished() {
		return SUCCEEDED.equals(this.status) || FAILED.equals(this.status);
	}

	/** Whether the status fits the record (Globus's statuses all do). */
	boolean storable() {
		return this.taskId != null && this.status != null && this.status.length() <= MAX_STATUS;
	}

	/** When it finished: Globus's completion time, or {@code seenAt} if it gave none. */
	Instant completedOr(Instant seenAt) {
		return (this.completedAt != null) ? this.completedAt : seenAt;
	}

	/** Seconds from request to completion, or {@code null} when Globus gave no times. */
	Long durationSeconds() {
		if (this.requestedAt == null || this.completedAt == null) {
			return null;
		}
		return Math.max(0, Duration.between(this.requestedAt, this.completedAt).toSeconds());
	}

	private static long count(Number value) {
		return (value != null) ? Math.max(0, value.longValue()) : 0;
	}

	private static String word(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String word = text.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_.-]+", "_");
		return (word.length() <= MAX_KIND) ? word : word.substring(0, MAX_KIND);
	}

	private static Instant instant(String text) {
		OffsetDateTime time = GlobusTimes.parse(text);
		return (time != null) ? time.toInstant() : null;
	}

}
