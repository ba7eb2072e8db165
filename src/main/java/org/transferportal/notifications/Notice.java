package org.transferportal.notifications;

import java.time.Instant;

/**
 * What one event tells, as kept in the outbox ({@code event_json}) from the moment the
 * change was recorded: enough to write the e-mail and the webhook body later, on any
 * instance.
 *
 * @param type the event's wire name, e.g. {@code transfer.failed}
 * @param occurredAt when it happened
 * @param subject the owner's Globus identity id
 * @param owner the owner's Globus username
 * @param requestId the portal's record of the transfer, or {@code null} for a schedule
 * @param taskId the Globus task id, or {@code null} for a schedule
 * @param scheduleId the timer id, or {@code null} for a transfer
 * @param label the transfer's label or the schedule's name, or {@code null}
 * @param status the task's status ({@code INACTIVE} for a schedule)
 * @param sourceCollection the source collection id, or {@code null}
 * @param destinationCollection the destination collection id, or {@code null}
 * @param bytes bytes transferred, or {@code null} for a schedule
 * @param files files transferred, or {@code null} for a schedule
 * @param durationSeconds how long the task took, or {@code null}
 * @param failureKind why it failed (Globus's code), or {@code null}
 * @param reason why a schedule stopped, or {@code null}
 */
record Notice(String type, Instant occurredAt, String subject, String owner, String requestId, String taskId,
		String scheduleId, String label, String status, String sourceCollection, String destinationCollection,
		Long bytes, Long files, Long durationSeconds, String failureKind, String reason) {

	EventType eventType() {
		return EventType.fromWire(this.type);
	}

	/** The transfer's label or the schedule's name, or a stand-in naming the task. */
	String title() {
		if (this.label != null && !this.label.isBlank()) {
			return this.label;
		}
		if (this.taskId != null) {
			return "task " + this.taskId;
		}
		return "schedule " + this.scheduleId;
	}

	/** The page about it, from the portal's root, e.g. {@code /tasks/…}. */
	String path() {
		return (this.taskId != null) ? "/tasks/" + this.taskId : "/schedules/" + this.scheduleId;
	}

}
