package org.transferportal.simulator.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Transfer's two time formats: tasks use {@code T}, listings a space.
 */
final class Times {

	private static final DateTimeFormatter TASK = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter LISTING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx")
		.withZone(ZoneOffset.UTC);

	private Times() {
	}

	static String task(Instant instant) {
		return (instant != null) ? TASK.format(instant) : null;
	}

	static String listing(Instant instant) {
		return LISTING.format(instant);
	}

	/**
	 * Parses ISO-8601 with or without offset (UTC assumed), with T or space, or a date.
	 */
	static Instant parse(String text) {
		String value = text.trim().replace(' ', 'T');
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw TransferError
				.badRequest("Invalid date/time '" + text + "': use ISO-8601, e.g. 2017-10-12T12:33:54+00:00");
		}
	}

}
