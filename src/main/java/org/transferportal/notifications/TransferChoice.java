package org.transferportal.notifications;

import java.util.Locale;

/**
 * The transfer form's "e-mail about this transfer": an override of the account's
 * preferences for one transfer.
 */
enum TransferChoice {

	/** As the account page says. */
	ACCOUNT,

	/** However it ends: success, failure or pause. */
	ALL,

	/** No e-mail about this transfer. */
	NONE;

	/** The form's value, e.g. {@code all}. */
	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The choice a form value names, or {@code null} for an unknown value. */
	static TransferChoice of(String value) {
		for (TransferChoice choice : values()) {
			if (choice.value().equals(value)) {
				return choice;
			}
		}
		return null;
	}

	/** Whether an event of this transfer is e-mailed, given the account's preferences. */
	boolean wants(Preferences preferences, EventType type, Long durationSeconds, java.time.Duration successAfter) {
		return switch (this) {
			case ALL -> true;
			case NONE -> false;
			case ACCOUNT -> preferences.wants(type, durationSeconds, successAfter);
		};
	}

}
