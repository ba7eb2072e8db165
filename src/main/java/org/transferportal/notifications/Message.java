package org.transferportal.notifications;

import java.time.Instant;

/**
 * One row of the outbox: a message to deliver, being delivered, delivered, kept (an
 * e-mail without SMTP) or dead.
 *
 * @param id the message id, sent as {@code webhook-id} (and in the e-mail's
 * {@code Message-ID}); the same on every attempt
 * @param channel e-mail or webhook
 * @param eventType the event's wire name
 * @param subject the owner's Globus identity id
 * @param username the owner's Globus username
 * @param recipient the e-mail address, or {@code null} for the webhook
 * @param requestId the transfer's record, or {@code null}
 * @param taskId the task, or {@code null}
 * @param label the transfer's label or schedule's name, or {@code null}
 * @param notice the event, as written with the status change
 * @param body the webhook body or the e-mail's text, once prepared (then sent as is on
 * every attempt)
 * @param mailSubject the e-mail's subject, once prepared
 * @param mailHtml the e-mail's HTML, once prepared
 * @param status {@link #PENDING}, {@link #SENT}, {@link #KEPT} or {@link #DEAD}
 * @param attempts delivery attempts made
 * @param nextAttemptAt when it is due
 * @param lastError what went wrong last, or {@code null}
 * @param occurredAt when the event happened
 * @param createdAt when the message was written
 * @param finishedAt when it was delivered, kept or given up, or {@code null}
 */
record Message(String id, Channel channel, String eventType, String subject, String username, String recipient,
		String requestId, String taskId, String label, String notice, String body, String mailSubject, String mailHtml,
		String status, int attempts, Instant nextAttemptAt, String lastError, Instant occurredAt, Instant createdAt,
		Instant finishedAt) {

	static final String PENDING = "PENDING";

	static final String SENT = "SENT";

	static final String KEPT = "KEPT";

	static final String DEAD = "DEAD";

	boolean prepared() {
		return this.body != null;
	}

	boolean dead() {
		return DEAD.equals(this.status);
	}

	boolean pending() {
		return PENDING.equals(this.status);
	}

	/** Whether an admin's "retry now" applies: dead, or waiting for a retry. */
	public boolean retryable() {
		return dead() || (pending() && this.attempts > 0);
	}

}
