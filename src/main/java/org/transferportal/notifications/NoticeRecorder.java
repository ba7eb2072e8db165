package org.transferportal.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.transferportal.audit.TaskStatusChanged;
import org.transferportal.auth.SignedIn;
import org.transferportal.tasks.ScheduleWentInactive;

/**
 * Turns recorded changes into outbox messages — the owner's e-mail if they want it, the
 * lab webhook if admins chose the event — inside the transaction that records the change,
 * so that a message exists exactly when the change does. Delivery starts once that
 * transaction has committed.
 */
@Component
class NoticeRecorder {

	private static final Log logger = LogFactory.getLog(NoticeRecorder.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TRANSFER = "TRANSFER";

	private final Outbox outbox;

	private final Recipients recipients;

	private final TransferChoices choices;

	private final WebhookEvents webhookEvents;

	private final WebhookChannel webhook;

	private final MailChannel mail;

	private final OutboxDelivery delivery;

	private final NotificationProperties properties;

	private final Clock clock;

	NoticeRecorder(Outbox outbox, Recipients recipients, TransferChoices choices, WebhookEvents webhookEvents,
			WebhookChannel webhook, MailChannel mail, OutboxDelivery delivery, NotificationProperties properties,
			Clock clock) {
		this.outbox = outbox;
		this.recipients = recipients;
		this.choices = choices;
		this.webhookEvents = webhookEvents;
		this.webhook = webhook;
		this.mail = mail;
		this.delivery = delivery;
		this.properties = properties;
		this.clock = clock;
	}

	/** A transfer finished or went INACTIVE (deletes are not told of). */
	@EventListener
	void onTaskStatusChanged(TaskStatusChanged change) {
		EventType type = EventType.ofTaskStatus(change.status());
		if (type == null || !TRANSFER.equals(change.taskType())) {
			return;
		}
		Notice notice = new Notice(type.wire(), change.occurredAt(), change.subject(), change.username(),
				change.requestId(), change.taskId(), null, change.label(), change.status(), change.sourceCollection(),
				change.destinationCollection(), change.bytes(), change.files(), change.durationSeconds(),
				change.failureKind(), null);
		// A task ends once, but may pause again after it resumed.
		String key = "transfer:" + change.requestId() + ":" + type.wire()
				+ ((type == EventType.TRANSFER_INACTIVE) ? ":" + change.occurredAt().toEpochMilli() : "");
		record(notice, key, this.choices.of(change.requestId(), change.subject()));
	}

	@EventListener
	void onScheduleWentInactive(ScheduleWentInactive schedule) {
		Notice notice = new Notice(EventType.SCHEDULE_INACTIVE.wire(), schedule.since(), schedule.subject(),
				schedule.username(), null, null, schedule.timerId(), schedule.name(), "INACTIVE",
				schedule.sourceCollection(), schedule.destinationCollection(), null, null, null, null,
				schedule.reason());
		record(notice, "schedule:" + schedule.timerId() + ":inactive:" + schedule.since().toEpochMilli(),
				TransferChoice.ACCOUNT);
	}

	/**
	 * Keeps where to e-mail the user. A failure here is logged, never in the way of the
	 * login.
	 */
	@EventListener
	void onSignedIn(SignedIn user) {
		try {
			this.recipients.noteAddress(user.subject(), user.username(), user.email(), user.portalUrl());
		}
		catch (DataAccessException ex) {
			logger.warn("Could not keep the e-mail address of a login: " + ex.getMessage());
		}
	}

	private void record(Notice notice, String key, TransferChoice choice) {
		EventType type = notice.eventType();
		Instant now = this.clock.instant();
		String json = JSON.writeValueAsString(notice);
		boolean written = false;
		if (this.webhook.configured() && this.webhookEvents.chosen().contains(type)) {
			written |= this.outbox.add(message(Channel.WEBHOOK, notice, null, json, now), key);
		}
		Optional<String> address = emailFor(notice, choice);
		if (address.isPresent()) {
			written |= this.outbox.add(message(Channel.EMAIL, notice, address.get(), json, now), key);
		}
		if (written) {
			afterCommit(this.delivery::nudge);
		}
	}

	private Optional<String> emailFor(Notice notice, TransferChoice choice) {
		if (this.mail.mode() == MailChannel.Mode.OFF) {
			return Optional.empty();
		}
		return this.recipients.find(notice.subject())
			.filter((recipient) -> recipient.email() != null && !recipient.email().isBlank())
			.filter((recipient) -> choice.wants(recipient.preferences(), notice.eventType(), notice.durationSeconds(),
					this.properties.successAfter()))
			.map(Recipients.Recipient::email);
	}

	private static Message message(Channel channel, Notice notice, String recipient, String json, Instant now) {
		return new Message(UUID.randomUUID().toString(), channel, notice.type(), notice.subject(), notice.owner(),
				recipient, notice.requestId(), notice.taskId(), notice.label(), json, null, null, null, Message.PENDING,
				0, now, null, notice.occurredAt(), now, null);
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

}
