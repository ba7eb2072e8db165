package org.transferportal.globus;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads Globus timestamps, which come as {@code 2023-12-18 16:52:50+00:00} in listings
 * and {@code 2022-01-26T19:18:20+00:00} in tasks.
 */
public final class GlobusTimes {

	private GlobusTimes() {
	}

	/** The instant, or {@code null} when the text is empty or not a timestamp. */
	public static OffsetDateTime parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String iso = text.trim().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
		try {
			return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		}
		catch (DateTimeParseException ex) {
			try {
				return java.time.LocalDateTime.parse(iso).atOffset(java.time.ZoneOffset.UTC);
			}
			catch (DateTimeParseException ignored) {
				return null;
			}
		}
	}

}
