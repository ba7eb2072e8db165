package org.transferportal.notifications;

import java.time.Duration;

/**
 * How one delivery attempt ended.
 *
 * @param kind sent, kept, to be retried, or dead
 * @param error what went wrong, for the deliveries page, or {@code null}
 * @param retryAfter how long the receiver asked to wait ({@code Retry-After}), or
 * {@code null}
 */
record Outcome(Kind kind, String error, Duration retryAfter) {

	/** The ways an attempt ends. */
	enum Kind {

		/** Delivered. */
		SENT,

		/** An e-mail kept in the portal: no SMTP is configured. */
		KEPT,

		/** Worth another attempt (5xx, 429, timeouts, connection failures). */
		RETRY,

		/** Not worth another attempt (other 4xx, redirects, refused addresses). */
		DEAD

	}

	static Outcome sent() {
		return new Outcome(Kind.SENT, null, null);
	}

	static Outcome kept() {
		return new Outcome(Kind.KEPT, null, null);
	}

	static Outcome retry(String error, Duration retryAfter) {
		return new Outcome(Kind.RETRY, error, retryAfter);
	}

	static Outcome dead(String error) {
		return new Outcome(Kind.DEAD, error, null);
	}

}
