package org.transferportal.notifications;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How the portal notifies: the sender of its e-mail, the lab webhook, when a success is
 * worth an e-mail, and how deliveries are retried. SMTP itself is Spring's
 * {@code spring.mail.*}.
 *
 * @param publicUrl the portal's public address for links in e-mails and webhooks (e.g.
 * {@code https://transfer.lab.example.org}); unset, the address the owner last logged in
 * through
 * @param mailFrom the sender of the portal's e-mail ({@code PORTAL_MAIL_FROM}); required
 * with SMTP
 * @param mailOutbox without SMTP, keep the e-mails the portal would send on each user's
 * notifications page instead (the demo does)
 * @param successAfter a success is e-mailed (by default) only when the task took at least
 * this long
 * @param webhook the lab webhook
 * @param delivery how messages are delivered and retried
 */
@ConfigurationProperties("portal.notifications")
record NotificationProperties(String publicUrl, String mailFrom, boolean mailOutbox,
		@DefaultValue("10m") Duration successAfter, @DefaultValue Webhook webhook, @DefaultValue Delivery delivery) {

	NotificationProperties {
		publicUrl = StringUtils.hasText(publicUrl) ? publicUrl.strip().replaceAll("/+$", "") : null;
		mailFrom = StringUtils.hasText(mailFrom) ? mailFrom.strip() : null;
		if (publicUrl != null && !isHttp(publicUrl)) {
			throw new IllegalArgumentException(
					"PORTAL_PUBLIC_URL must be an absolute http(s) address, e.g. https://transfer.lab.example.org");
		}
		if (mailFrom != null) {
			try {
				new InternetAddress(mailFrom, true);
			}
			catch (AddressException ex) {
				throw new IllegalArgumentException("PORTAL_MAIL_FROM is not an e-mail address: " + ex.getMessage());
			}
		}
	}

	/**
	 * The lab webhook, signed as the Standard Webhooks specification says.
	 *
	 * @param url where to post ({@code PORTAL_LAB_WEBHOOK_URL}); unset: no webhook
	 * @param secret {@code whsec_} and the base64 of 24 to 64 random bytes
	 * ({@code PORTAL_LAB_WEBHOOK_SECRET}); required with a URL
	 * @param events the event types sent until an admin chooses on the deliveries page
	 * @param timeout how long one call may take
	 */
	record Webhook(String url, String secret, @DefaultValue( {
			"transfer.succeeded", "transfer.failed", "transfer.inactive", "schedule.inactive" }) List<String> events,
			@DefaultValue("15s") Duration timeout){

		Webhook {
			url = StringUtils.hasText(url) ? url.strip() : null;
			secret = StringUtils.hasText(secret) ? secret.strip() : null;
			if (url != null) {
				if (!isHttp(url)) {
					throw new IllegalArgumentException("PORTAL_LAB_WEBHOOK_URL must be an absolute http(s) address");
				}
				if (secret == null) {
					throw new IllegalArgumentException(
							"PORTAL_LAB_WEBHOOK_URL is set without PORTAL_LAB_WEBHOOK_SECRET: the portal signs every call "
									+ "(whsec_ followed by the base64 of 24 to 64 random bytes, e.g. whsec_$(openssl rand -base64 32))");
				}
				WebhookSigner.key(secret);
			}
			for (String event : events) {
				EventType.fromWire(event);
			}
		}

		boolean configured() {
			return this.url != null;
		}

	}

	/**
	 * How messages are delivered.
	 *
	 * @param enabled whether this instance delivers (tests drive delivery by hand)
	 * @param poll how often to look for due messages (new ones go at once)
	 * @param lease how long a claimed message is this instance's before another may take
	 * it (an instance that died leaves its claims to expire)
	 * @param batch messages claimed at a time
	 * @param maxAttempts attempts before a message is dead
	 * @param firstRetry the wait before the first retry, doubled for each next one
	 * @param maxRetry the longest wait between attempts (also caps Retry-After)
	 * @param keep how long delivered and dead messages stay listed
	 */
	record Delivery(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration poll,
			@DefaultValue("5m") Duration lease, @DefaultValue("5") int batch, @DefaultValue("12") int maxAttempts,
			@DefaultValue("30s") Duration firstRetry, @DefaultValue("2h") Duration maxRetry,
			@DefaultValue("90d") Duration keep) {

		Delivery {
			if (maxAttempts < 1 || batch < 1) {
				throw new IllegalArgumentException(
						"portal.notifications.delivery: max-attempts and batch must be >= 1");
			}
		}

	}

	private static boolean isHttp(String url) {
		try {
			URI uri = URI.create(url);
			return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
