package org.transferportal.notifications;

import java.time.Duration;

/**
 * What a user wants to be e-mailed about, as chosen on the account page.
 *
 * @param onSuccess when a succeeded transfer is e-mailed
 * @param onFailure whether a failed transfer is
 * @param onInactive whether a paused transfer (INACTIVE) or a stopped schedule is
 */
record Preferences(Success onSuccess, boolean onFailure, boolean onInactive) {

	/** Failures and pauses; successes of long transfers. */
	static final Preferences DEFAULTS = new Preferences(Success.LONG, true, true);

	/** When a success is worth an e-mail. */
	enum Success {

		/** Never. */
		NEVER,

		/** Only when the transfer took at least {@code success-after}. */
		LONG,

		/** Always. */
		ALWAYS

	}

	/**
	 * Whether an event is e-mailed.
	 * @param durationSeconds how long the task took, or {@code null} if unknown (counted
	 * as long: better one e-mail too many than a missed one)
	 */
	boolean wants(EventType type, Long durationSeconds, Duration successAfter) {
		return switch (type) {
			case TRANSFER_SUCCEEDED -> this.onSuccess == Success.ALWAYS || (this.onSuccess == Success.LONG
					&& (durationSeconds == null || durationSeconds >= successAfter.toSeconds()));
			case TRANSFER_FAILED -> this.onFailure;
			case TRANSFER_INACTIVE, SCHEDULE_INACTIVE -> this.onInactive;
		};
	}

}
