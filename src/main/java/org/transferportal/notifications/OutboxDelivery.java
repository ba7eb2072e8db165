package org.transferportal.notifications;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox, off the request threads: one lane per channel (a slow webhook
 * receiver never holds up e-mail), woken when a message is written and every {@code poll}
 * for retries. Each message is claimed by one instance; an attempt that fails for a
 * passing reason is retried later with exponential backoff (or the receiver's
 * {@code Retry-After}), until the last attempt makes it dead. Stopping finishes the
 * attempt under way and gives back the claims not started, so that another instance takes
 * them.
 */
@Component
class OutboxDelivery implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OutboxDelivery.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration PURGE_EVERY = Duration.ofHours(1);

	private final Outbox outbox;

	private final WebhookChannel webhook;

	private final MailChannel mail;

	private final MailComposer composer;

	private final CollectionNames names;

	private final Recipients recipients;

	private final NotificationProperties properties;

	private final TaskScheduler scheduler;

	private final Clock clock;

	/** This instance, as the outbox's claims name it. */
	private final String instance = host() + "/" + UUID.randomUUID();

	private final Map<Channel, AtomicBoolean> running = new EnumMap<>(Channel.class);

	private final Map<Channel, AtomicBoolean> again = new EnumMap<>(Channel.class);

	private final ExecutorService lanes = Executors.newFixedThreadPool(Channel.values().length, (task) -> {
		Thread thread = new Thread(task, "notify-delivery");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean stopping;

	private volatile boolean started;

	private volatile Instant lastPurge = Instant.EPOCH;

	private ScheduledFuture<?> poller;

	OutboxDelivery(Outbox outbox, WebhookChannel webhook, MailChannel mail, MailComposer composer,
			CollectionNames names, Recipients recipients, NotificationProperties properties, TaskScheduler scheduler,
			Clock clock) {
		this.outbox = outbox;
		this.webhook = webhook;
		this.mail = mail;
		this.composer = composer;
		this.names = names;
		this.recipients = recipients;
		this.properties = properties;
		this.scheduler = scheduler;
		this.clock = clock;
		for (Channel channel : Channel.values()) {
			this.running.put(channel, new AtomicBoolean());
			this.again.put(channel, new AtomicBoolean());
		}
	}

	/** Starts delivering what is due, on the lanes (returns at once). */
	void nudge() {
		if (!this.started || this.stopping) {
			return;
		}
		for (Channel channel : Channel.values()) {
			wake(channel);
		}
	}

	private void wake(Channel channel) {
		if (this.running.get(channel).compareAndSet(false, true)) {
			try {
				this.lanes.execute(() -> drain(channel));
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				this.running.get(channel).set(false);
			}
		}
		else {
			this.again.get(channel).set(true);
		}
	}

	private void drain(Channel channel) {
		try {
			do {
				this.again.get(channel).set(false);
				while (!this.stopping && deliverDue(channel) > 0) {
					// Claim the next batch.
				}
			}
			while (this.again.get(channel).get() && !this.stopping);
		}
		catch (RuntimeException ex) {
			logger.warn("Notification delivery stopped for now (" + channel + "): " + ex.getMessage(), ex);
		}
		finally {
			this.running.get(channel).set(false);
		}
	}

	/**
	 * One batch of a channel: claims due messages and attempts each.
	 * @return how many were claimed
	 */
	int deliverDue(Channel channel) {
		Instant now = this.clock.instant();
		NotificationProperties.Delivery settings = this.properties.delivery();
		List<Message> claimed = this.outbox.claim(channel, this.instance, now, now.plus(settings.lease()),
				settings.batch());
		List<String> left = new ArrayList<>(claimed.stream().map(Message::id).toList());
		for (Message message : claimed) {
			if (this.stopping) {
				break;
			}
			attempt(message);
			left.remove(message.id());
		}
		if (!left.isEmpty()) {
			this.outbox.release(left, this.instance);
		}
		return claimed.size();
	}

	/** Delivers everything due now on this thread (tests, and the poll). */
	int deliverDue() {
		int total = 0;
		for (Channel channel : Channel.values()) {
			int claimed;
			do {
				claimed = deliverDue(channel);
				total += claimed;
			}
			while (claimed > 0 && !this.stopping);
		}
		return total;
	}

	private void attempt(Message claimed) {
		int attempts = claimed.attempts() + 1;
		Outcome outcome;
		try {
			Message message = prepare(claimed);
			outcome = (message.channel() == Channel.WEBHOOK) ? this.webhook.deliver(message)
					: this.mail.deliver(message);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not deliver notification " + claimed.id() + ": " + ex.getMessage(), ex);
			outcome = Outcome.retry("The portal could not prepare it: " + ex.getClass().getSimpleName(), null);
		}
		Instant now = this.clock.instant();
		switch (outcome.kind()) {
			case SENT -> this.outbox.finish(claimed.id(), this.instance, Message.SENT, attempts, null, now);
			case KEPT -> this.outbox.finish(claimed.id(), this.instance, Message.KEPT, attempts, null, now);
			case DEAD -> dead(claimed, attempts, outcome.error(), now);
			case RETRY -> {
				if (attempts >= this.properties.delivery().maxAttempts()) {
					dead(claimed, attempts, outcome.error() + " (gave up after " + attempts + " attempts)", now);
				}
				else {
					this.outbox.again(claimed.id(), this.instance, attempts, outcome.error(),
							now.plus(backoff(attempts, outcome.retryAfter())));
				}
			}
		}
	}

	private void dead(Message message, int attempts, String error, Instant now) {
		logger.warn("Notification " + message.id() + " (" + message.channel() + ", " + message.eventType()
				+ ") could not be delivered: " + error);
		this.outbox.finish(message.id(), this.instance, Message.DEAD, attempts, error, now);
	}

	/**
	 * The wait before the next attempt: the receiver's {@code Retry-After} if it gave
	 * one, otherwise {@code first-retry} doubled per attempt made, with up to a tenth
	 * more at random so that instances do not retry in step; never more than
	 * {@code max-retry}.
	 */
	Duration backoff(int attemptsMade, Duration retryAfter) {
		NotificationProperties.Delivery settings = this.properties.delivery();
		Duration max = settings.maxRetry();
		if (retryAfter != null) {
			return (retryAfter.compareTo(max) > 0) ? max : retryAfter;
		}
		Duration wait = settings.firstRetry().multipliedBy(1L << Math.min(attemptsMade - 1, 30));
		if (wait.compareTo(max) > 0 || wait.isNegative()) {
			wait = max;
		}
		long jitter = wait.toMillis() / 10;
		return wait.plusMillis((jitter > 0) ? ThreadLocalRandom.current().nextLong(jitter + 1) : 0);
	}

	/**
	 * Writes the message's body the first time it is attempted (names asked of Globus
	 * then, off the transaction that recorded the change); later attempts send the same.
	 */
	private Message prepare(Message message) {
		if (message.prepared()) {
			return message;
		}
		Notice notice = JSON.readValue(message.notice(), Notice.class);
		CollectionNames.Pair pair = this.names.of(notice);
		String portalUrl = portalUrl(notice.subject());
		if (message.channel() == Channel.WEBHOOK) {
			this.outbox.prepared(message.id(), WebhookChannel.body(notice, pair, portalUrl), null, null);
		}
		else {
			MailComposer.Mail composed = this.composer.compose(notice, pair, portalUrl);
			this.outbox.prepared(message.id(), composed.text(), composed.subject(), composed.html());
		}
		return this.outbox.find(message.id()).orElseThrow();
	}

	/** The configured public address, or the one the owner last logged in through. */
	private String portalUrl(String subject) {
		if (this.properties.publicUrl() != null) {
			return this.properties.publicUrl();
		}
		return this.recipients.find(subject).map(Recipients.Recipient::portalUrl).orElse(null);
	}

	private void poll() {
		nudge();
		Instant now = this.clock.instant();
		if (now.isAfter(this.lastPurge.plus(PURGE_EVERY))) {
			this.lastPurge = now;
			try {
				this.outbox.purge(now.minus(this.properties.delivery().keep()));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not purge old notifications: " + ex.getMessage());
			}
		}
	}

	@Override
	public void start() {
		this.stopping = false;
		this.started = true;
		NotificationProperties.Delivery settings = this.properties.delivery();
		if (settings.enabled()) {
			this.poller = this.scheduler.scheduleWithFixedDelay(this::poll, this.clock.instant().plus(settings.poll()),
					settings.poll());
		}
		else {
			this.started = false;
		}
	}

	@Override
	public void stop() {
		this.stopping = true;
		this.started = false;
		if (this.poller != null) {
			this.poller.cancel(false);
		}
		this.lanes.shutdown();
		try {
			// The attempt under way ends within the webhook or SMTP timeout.
			if (!this.lanes.awaitTermination(this.properties.webhook().timeout().toSeconds() + 15, TimeUnit.SECONDS)) {
				logger.warn("Stopped with a notification delivery still under way; its claim will expire");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	/** Whether this instance delivers at all ({@code delivery.enabled}). */
	boolean enabled() {
		return this.properties.delivery().enabled();
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "portal";
		}
	}

}
