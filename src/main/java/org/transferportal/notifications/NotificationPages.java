package org.transferportal.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import org.transferportal.globus.CanonicalUuid;
import org.transferportal.support.ExpiringCache;

/**
 * What the notification pages show and change: a user's preferences and e-mails, the
 * transfer form's choice, and the admins' deliveries page.
 */
@Service
class NotificationPages {

	/** How many messages a list shows. */
	static final int LIMIT = 100;

	/**
	 * The account page's section.
	 *
	 * @param mode what the portal does with e-mail
	 * @param email where the user's e-mail goes, or {@code null} when Globus gave none
	 * @param preferences the user's choices
	 * @param successAfter {@code portal.notifications.success-after} in words
	 */
	record AccountSection(MailChannel.Mode mode, String email, Preferences preferences, String successAfter) {
	}

	/**
	 * The transfer form's section.
	 *
	 * @param choice the form value chosen
	 * @param mode what the portal does with e-mail
	 * @param account the account's preferences in words
	 * @param error a problem with the value posted, or {@code null}
	 */
	record TransferSection(String choice, MailChannel.Mode mode, String account, String error) {
	}

	/**
	 * The admins' deliveries page.
	 *
	 * @param receiver the webhook receiver's address without its path, or {@code null}
	 * @param events the event types sent to it
	 * @param mode what the portal does with e-mail
	 * @param dead messages given up
	 * @param waiting messages waiting for another attempt
	 * @param recent messages delivered (or kept) most recently
	 * @param delivering whether this instance delivers
	 */
	record Deliveries(String receiver, Set<EventType> events, MailChannel.Mode mode, List<Message> dead,
			List<Message> waiting, List<Message> recent, boolean delivering) {
	}

	private final Recipients recipients;

	private final TransferChoices choices;

	private final WebhookEvents webhookEvents;

	private final WebhookChannel webhook;

	private final MailChannel mail;

	private final Outbox outbox;

	private final OutboxDelivery delivery;

	private final NotificationProperties properties;

	private final Clock clock;

	/** The address each user's row was last seen or made to hold, on this instance. */
	private final ExpiringCache<String, String> noted;

	NotificationPages(Recipients recipients, TransferChoices choices, WebhookEvents webhookEvents,
			WebhookChannel webhook, MailChannel mail, Outbox outbox, OutboxDelivery delivery,
			NotificationProperties properties, Clock clock) {
		this.recipients = recipients;
		this.choices = choices;
		this.webhookEvents = webhookEvents;
		this.webhook = webhook;
		this.mail = mail;
		this.outbox = outbox;
		this.delivery = delivery;
		this.properties = properties;
		this.clock = clock;
		this.noted = new ExpiringCache<>(Duration.ofHours(1), 10_000, clock);
	}

	AccountSection account(String subject, String username, String email) {
		noteAddress(subject, username, email);
		Optional<Recipients.Recipient> recipient = this.recipients.find(subject);
		Preferences preferences = recipient.map(Recipients.Recipient::preferences).orElse(Preferences.DEFAULTS);
		return new AccountSection(this.mail.mode(), recipient.map(Recipients.Recipient::email).orElse(email),
				preferences, words(this.properties.successAfter()));
	}

	/**
	 * Keeps the user's address if the portal does not have it yet (a session that began
	 * before this version kept addresses at login).
	 */
	void noteAddress(String subject, String username, String email) {
		if (email == null || this.noted.get(subject).filter(email::equals).isPresent()) {
			// Checked on this instance within the hour: every transfer post would
			// otherwise read the row again (README, Benchmarks).
			return;
		}
		if (this.recipients.find(subject).map((r) -> !email.equals(r.email())).orElse(true)) {
			this.recipients.noteAddress(subject, username, email, null);
		}
		this.noted.put(subject, email);
	}

	void savePreferences(String subject, Preferences preferences) {
		this.recipients.savePreferences(subject, preferences);
	}

	TransferSection transfer(String subject, String requestId, String posted) {
		Preferences preferences = this.recipients.find(subject)
			.map(Recipients.Recipient::preferences)
			.orElse(Preferences.DEFAULTS);
		String account = summary(preferences);
		if (posted != null) {
			TransferChoice choice = TransferChoice.of(posted);
			return (choice != null) ? new TransferSection(choice.value(), this.mail.mode(), account, null)
					: new TransferSection(TransferChoice.ACCOUNT.value(), this.mail.mode(), account,
							"Choose one of the options: your account's settings apply until you do.");
		}
		String id = (CanonicalUuid.parse(requestId) != null) ? requestId : null;
		return new TransferSection(this.choices.of(id, subject).value(), this.mail.mode(), account, null);
	}

	/** Keeps the form's choice for the user's draft, when it is one of the options. */
	void saveChoice(String subject, String requestId, String posted) {
		TransferChoice choice = TransferChoice.of(posted);
		if (choice != null && CanonicalUuid.parse(requestId) != null) {
			this.choices.save(requestId, subject, choice);
		}
	}

	List<Message> emails(String subject) {
		return this.outbox.emailsOf(subject, LIMIT);
	}

	/** One of the user's own e-mails; another's, or a malformed id, finds nothing. */
	Optional<Message> email(String subject, String id) {
		if (CanonicalUuid.parse(id) == null) {
			return Optional.empty();
		}
		return this.outbox.find(id).filter((m) -> m.channel() == Channel.EMAIL && subject.equals(m.subject()));
	}

	MailChannel.Mode mailMode() {
		return this.mail.mode();
	}

	Deliveries deliveries() {
		return new Deliveries(this.webhook.receiver(), this.webhookEvents.chosen(), this.mail.mode(),
				this.outbox.withStatus(List.of(Message.DEAD), false, LIMIT),
				this.outbox.withStatus(List.of(Message.PENDING), true, LIMIT),
				this.outbox.withStatus(List.of(Message.SENT, Message.KEPT), false, 25), this.delivery.enabled());
	}

	void chooseWebhookEvents(List<String> names, String admin) {
		Set<EventType> types = EnumSet.noneOf(EventType.class);
		for (String name : names) {
			types.add(EventType.fromWire(name));
		}
		this.webhookEvents.choose(types, admin);
	}

	/**
	 * "Retry now" for a dead or waiting message.
	 * @return whether there was such a message
	 */
	boolean retryNow(String id) {
		if (CanonicalUuid.parse(id) == null || !this.outbox.retryNow(id, this.clock.instant())) {
			return false;
		}
		this.delivery.nudge();
		return true;
	}

	/** e.g. "failures, pauses, and successes of transfers over 10 minutes". */
	String summary(Preferences preferences) {
		StringBuilder text = new StringBuilder();
		if (preferences.onFailure()) {
			text.append("failures, ");
		}
		if (preferences.onInactive()) {
			text.append("pauses, ");
		}
		switch (preferences.onSuccess()) {
			case ALWAYS -> text.append("successes, ");
			case LONG -> text.append("successes after ").append(words(this.properties.successAfter())).append(", ");
			case NEVER -> {
			}
		}
		return (text.length() == 0) ? "nothing" : text.substring(0, text.length() - 2);
	}

	/** e.g. "10 minutes", "1 hour", "90 seconds". */
	static String words(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds % 3600 == 0 && seconds > 0) {
			return plural(seconds / 3600, "hour");
		}
		if (seconds % 60 == 0 && seconds > 0) {
			return plural(seconds / 60, "minute");
		}
		return plural(seconds, "second");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

}
