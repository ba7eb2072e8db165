package org.transferportal.audit;

import java.time.Instant;

/**
 * Published inside the transaction that records a submitted task's new status, once per
 * change whoever saw it (the owner's pages or the background watcher, on any instance): a
 * task that finished ({@code SUCCEEDED}, {@code FAILED}) or went {@code INACTIVE}.
 * Listeners that write to the database take part in that transaction, so what they write
 * stands or falls with the status.
 *
 * @param requestId the portal's record of the submission ({@code transfer_request.id})
 * @param subject the owner's Globus identity id
 * @param username the owner's Globus username
 * @param taskType {@code TRANSFER} or {@code DELETE}
 * @param taskId the Globus task id
 * @param label the task's label, or {@code null}
 * @param sourceCollection the source collection id, or {@code null}
 * @param destinationCollection the destination collection id, or {@code null}
 * @param status the new status
 * @param bytes bytes transferred so far
 * @param files files transferred so far
 * @param failureKind why a failed task failed, or {@code null}
 * @param durationSeconds from request to completion, or {@code null} while unknown
 * @param submittedAt when Globus accepted the submission
 * @param occurredAt when the task finished, or when it was seen INACTIVE
 */
public record TaskStatusChanged(String requestId, String subject, String username, String taskType, String taskId,
		String label, String sourceCollection, String destinationCollection, String status, long bytes, long files,
		String failureKind, Long durationSeconds, Instant submittedAt, Instant occurredAt) {

	/** Globus's status of a task that waits for its owner (e.g. expired credentials). */
	public static final String INACTIVE = "INACTIVE";

	/** Whether Globus is done with the task. */
	public boolean finished() {
		return TaskReport.SUCCEEDED.equals(this.status) || TaskReport.FAILED.equals(this.status);
	}

}
