package org.transferportal.audit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Days and ISO weeks as the history and usage pages count them: UTC calendar days, weeks
 * from Monday to Sunday named by their ISO week-based year ({@code 2026-W01} may start on
 * 29 December 2025).
 */
final class UtcDays {

	private UtcDays() {
	}

	/**
	 * A day typed as {@code YYYY-MM-DD}; blank is {@code null}, anything else an error
	 * for the field.
	 */
	static LocalDate parse(String text, String field, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "Give a date as YYYY-MM-DD, e.g. 2026-03-01");
			return null;
		}
	}

	/** The ISO week of a day, e.g. {@code 2026-W01}. */
	static String week(LocalDate day) {
		return String.format(java.util.Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
				day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/** The Monday starting the day's ISO week. */
	static LocalDate monday(LocalDate day) {
		return day.with(DayOfWeek.MONDAY);
	}

	/** The Mondays of every ISO week that has a day in {@code from..to}. */
	static List<LocalDate> mondays(LocalDate from, LocalDate to) {
		List<LocalDate> mondays = new ArrayList<>();
		for (LocalDate monday = monday(from); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
			mondays.add(monday);
		}
		return mondays;
	}

}
