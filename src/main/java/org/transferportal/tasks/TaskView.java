package org.transferportal.tasks;

import java.time.OffsetDateTime;

import org.transferportal.globus.GlobusTimes;
import org.transferportal.globus.Task;
import org.transferportal.support.Sizes;

/**
 * What the activity pages show of a task, in the portal's words; {@code note} explains
 * its state beyond the status word, or is {@code null}.
 */
record TaskView(String id, String label, String type, String status, String niceStatus, String source, String sourceId,
		String destination, String destinationId, OffsetDateTime requested, OffsetDateTime completed, long bytes,
		int files, int filesTransferred, int filesSkipped, int subtasksTotal, int subtasksSucceeded, int subtasksFailed,
		int subtasksPending, int percent, long bytesPerSecond, String fatalError, boolean finished, boolean active,
		StatusNote note) {

	static TaskView of(Task task) {
		int total = value(task.subtasksTotal());
		int succeeded = value(task.subtasksSucceeded());
		int failed = value(task.subtasksFailed()) + value(task.subtasksCanceled()) + value(task.subtasksExpired());
		int percent = task.finished() && "SUCCEEDED".equals(task.status()) ? 100
				: (total > 0) ? (int) Math.min(99, Math.round(100.0 * (succeeded + failed) / total)) : 0;
		String fatal = (task.fatalError() != null)
				? task.fatalError().code()
						+ ((task.fatalError().description() != null) ? ": " + task.fatalError().description() : "")
				: null;
		return new TaskView(task.taskId(), task.label(), task.type(), task.status(), task.niceStatus(),
				name(task.sourceEndpointDisplayName(), task.sourceEndpointId()), task.sourceEndpointId(),
				name(task.destinationEndpointDisplayName(), task.destinationEndpointId()), task.destinationEndpointId(),
				GlobusTimes.parse(task.requestTime()), GlobusTimes.parse(task.completionTime()),
				value(task.bytesTransferred()), value(task.files()), value(task.filesTransferred()),
				value(task.filesSkipped()), total, succeeded, failed, value(task.subtasksPending()), percent,
				value(task.effectiveBytesPerSecond()), fatal, task.finished(),
				"ACTIVE".equals(task.status()) || "INACTIVE".equals(task.status()), StatusNote.of(task));
	}

	/** Whether it is a delete task rather than a transfer. */
	public boolean delete() {
		return "DELETE".equals(this.type);
	}

	/** What the task is, in the page's words: {@code transfer} or {@code delete}. */
	public String kind() {
		return delete() ? "delete" : "transfer";
	}

	/** Share of the files transferred, 0 to 100. */
	public int filesPercent() {
		if ("SUCCEEDED".equals(this.status)) {
			return 100;
		}
		return (this.files > 0) ? (int) Math.min(100, Math.round(100.0 * this.filesTransferred / this.files)) : 0;
	}

	/** How long it ran, or has been running, e.g. {@code 2 min 5 s}. */
	public String elapsed(java.time.Instant now) {
		if (this.requested == null) {
			return "";
		}
		java.time.Instant end = (this.completed != null) ? this.completed.toInstant() : now;
		long seconds = Math.max(0, java.time.Duration.between(this.requested.toInstant(), end).toSeconds());
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + " min " + (seconds % 60) + " s";
		}
		return (seconds / 3600) + " h " + ((seconds % 3600) / 60) + " min";
	}

	/** Bytes in human units. */
	public String bytesText() {
		return Sizes.human(this.bytes);
	}

	/** Rate in human units per second. */
	public String rateText() {
		return Sizes.human(this.bytesPerSecond) + "/s";
	}

	private static String name(String displayName, String id) {
		return (displayName != null && !displayName.isBlank()) ? displayName : id;
	}

	private static int value(Integer number) {
		return (number != null) ? number : 0;
	}

	private static long value(Long number) {
		return (number != null) ? number : 0L;
	}

}
