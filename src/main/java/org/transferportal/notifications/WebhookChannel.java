package org.transferportal.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The lab webhook: the body of an event and one signed attempt to post it.
 */
@Component
class WebhookChannel {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final NotificationProperties.Webhook settings;

	private final WebhookSigner signer;

	private final WebhookPoster poster;

	private final Clock clock;

	WebhookChannel(NotificationProperties properties, WebhookPoster poster, Clock clock) {
		this.settings = properties.webhook();
		this.signer = this.settings.configured() ? new WebhookSigner(this.settings.secret()) : null;
		this.poster = poster;
		this.clock = clock;
	}

	boolean configured() {
		return this.settings.configured();
	}

	/** The receiver's scheme and host, for admins (its path may hold a token). */
	String receiver() {
		if (!configured()) {
			return null;
		}
		URI uri = URI.create(this.settings.url());
		return uri.getScheme() + "://" + uri.getAuthority() + "/…";
	}

	/**
	 * The JSON body: {@code type}, {@code timestamp} (when the event happened) and
	 * {@code data}, whose {@code portal_url} is the task's page (or {@code null} when the
	 * portal's address is unknown); written once, so that every attempt sends (and signs)
	 * the same bytes.
	 */
	static String body(Notice notice, CollectionNames.Pair names, String portalUrl) {
		String page = (portalUrl != null) ? portalUrl + notice.path() : null;
		ObjectNode root = JSON.createObjectNode();
		root.put("type", notice.type());
		root.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(notice.occurredAt()));
		ObjectNode data = root.putObject("data");
		data.put("task_id", notice.taskId());
		data.put("label", notice.label());
		data.put("status", notice.status());
		data.put("owner", notice.owner());
		data.put("source_collection", notice.sourceCollection());
		data.put("destination_collection", notice.destinationCollection());
		data.put("bytes_transferred", notice.bytes());
		data.put("files_transferred", notice.files());
		data.put("portal_url", page);
		// Beyond the contract's fields, for people reading the message in a chat.
		data.put("source_collection_name", names.source());
		data.put("destination_collection_name", names.destination());
		if (notice.scheduleId() != null) {
			data.put("schedule_id", notice.scheduleId());
		}
		if (notice.failureKind() != null) {
			data.put("failure_kind", notice.failureKind());
		}
		return JSON.writeValueAsString(root);
	}

	/**
	 * One attempt: posts the prepared body with this attempt's timestamp and signature.
	 */
	Outcome deliver(Message message) {
		if (!configured()) {
			return Outcome.dead("The lab webhook is no longer configured (PORTAL_LAB_WEBHOOK_URL)");
		}
		long timestamp = this.clock.instant().getEpochSecond();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("webhook-id", message.id());
		headers.put("webhook-timestamp", Long.toString(timestamp));
		headers.put("webhook-signature", this.signer.sign(message.id(), timestamp, message.body()));
		headers.put("User-Agent", "TransferPortal-Webhooks/1");
		Duration timeout = this.settings.timeout();
		try {
			WebhookPoster.Answer answer = this.poster.post(URI.create(this.settings.url()), headers, message.body(),
					timeout);
			return outcome(answer);
		}
		catch (HttpTimeoutException ex) {
			return Outcome.retry("No answer within " + timeout.toSeconds() + " s", null);
		}
		catch (IOException ex) {
			return Outcome.retry("Could not reach the receiver: " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? " (" + ex.getMessage() + ")" : ""), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Outcome.retry("Interrupted while the portal stopped", null);
		}
	}

	private Outcome outcome(WebhookPoster.Answer answer) {
		int status = answer.status();
		if (status >= 200 && status < 300) {
			return Outcome.sent();
		}
		if (status == 429 || status >= 500) {
			return Outcome.retry("HTTP " + status + " from the receiver", retryAfter(answer.retryAfter()));
		}
		if (status >= 300 && status < 400) {
			return Outcome.dead("HTTP " + status
					+ ": the receiver redirects; set PORTAL_LAB_WEBHOOK_URL to the address it leads to");
		}
		return Outcome.dead("HTTP " + status + ": the receiver refused the call (not retried)");
	}

	/** {@code Retry-After} in seconds or as an HTTP date, or {@code null}. */
	Duration retryAfter(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(this.clock.instant(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException unreadable) {
				return null;
			}
		}
	}

}
