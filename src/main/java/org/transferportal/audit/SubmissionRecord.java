package org.transferportal.audit;

import java.time.Instant;

/**
 * One submission through the portal, as the lab audit shows it (read-only).
 *
 * @param id the portal's request id
 * @param when when Globus accepted it, or when it was last tried
 * @param username who submitted it (Globus username)
 * @param subject their Globus identity id
 * @param label the transfer's label
 * @param sourceCollection the source collection id
 * @param destinationCollection the destination collection id
 * @param taskId Globus's task id, once accepted
 * @param submissionId the submission id sent to Globus
 * @param status {@code SUBMITTED}, or {@code OPEN} while not accepted yet
 * @param consentTrips trips to Globus Auth it caused
 * @param message the last problem reported, if any
 * @param taskStatus the task's status at Globus as last seen ({@code ACTIVE},
 * {@code INACTIVE}, {@code SUCCEEDED}, {@code FAILED}), or {@code null} before the first
 * look
 * @param statusSeenAt when that status was seen
 * @param taskType {@code TRANSFER}, or {@code DELETE} for a delete (which has no
 * destination)
 */
public record SubmissionRecord(String id, Instant when, String username, String subject, String label,
		String sourceCollection, String destinationCollection, String taskId, String submissionId, String status,
		int consentTrips, String message, String taskStatus, Instant statusSeenAt, String taskType) {

	/** Whether it is a delete rather than a transfer. */
	public boolean delete() {
		return "DELETE".equals(this.taskType);
	}

}
