package org.transferportal.transfer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The schedule section of the transfer form, as text: when the transfer runs. Its fields
 * come from the same request as the form's, a post or a deep link: {@code schedule_type}
 * ({@code now}, the default: an ordinary transfer; {@code once}; {@code recurring}),
 * {@code schedule_start} (UTC), {@code schedule_interval_hours} (a whole number, at least
 * 1), and {@code schedule_end_count} (runs) or {@code schedule_end} (UTC). Kept apart
 * from {@link TransferForm}, whose contract it leaves as it is.
 *
 * @param type {@code now}, {@code once} or {@code recurring} (anything else is an error)
 * @param start the first or only run, as typed
 * @param intervalHours hours between runs, as typed
 * @param endCount runs after which it ends, as typed
 * @param end when it ends, as typed
 */
public record ScheduleForm(String type, String start, String intervalHours, String endCount, String end) {

	public static final String NOW = "now";

	public static final String ONCE = "once";

	public static final String RECURRING = "recurring";

	/** Globus Timers' longest interval (365 days), in hours. */
	static final int MAX_INTERVAL_HOURS = 365 * 24;

	/** Globus Timers takes a start at most this far ahead. */
	static final Duration FURTHEST_START = Duration.ofDays(365);

	/**
	 * A start this little in the past still means "now" (the form took a while to fill).
	 */
	static final Duration GRACE = Duration.ofMinutes(2);

	public ScheduleForm {
		type = clean(type).isEmpty() ? NOW : clean(type);
		start = clean(start);
		intervalHours = clean(intervalHours);
		endCount = clean(endCount);
		end = clean(end);
	}

	/** An ordinary transfer, now. */
	public static ScheduleForm now() {
		return new ScheduleForm(NOW, "", "", "", "");
	}

	/** The section's fields from request parameters. */
	public static ScheduleForm from(MultiValueMap<String, String> params) {
		return new ScheduleForm(params.getFirst("schedule_type"), params.getFirst("schedule_start"),
				params.getFirst("schedule_interval_hours"), params.getFirst("schedule_end_count"),
				params.getFirst("schedule_end"));
	}

	/** Whether the form asks for an ordinary transfer, now. */
	public boolean isNow() {
		return NOW.equals(this.type);
	}

	public boolean isRecurring() {
		return RECURRING.equals(this.type);
	}

	/**
	 * What is wrong with the fields, by field name ({@code schedule_type},
	 * {@code schedule_start}, …); nothing for a transfer now, whose other fields do not
	 * count.
	 */
	public Map<String, String> errors(Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (isNow()) {
			return errors;
		}
		if (!ONCE.equals(this.type) && !RECURRING.equals(this.type)) {
			errors.put("schedule_type", "Choose when the transfer runs: now, once later, or again and again");
			return errors;
		}
		Instant first = null;
		if (ONCE.equals(this.type) && this.start.isEmpty()) {
			errors.put("schedule_start", "Say when it should run (UTC), e.g. 2030-01-31T02:00");
		}
		else if (!this.start.isEmpty()) {
			first = time(this.start, "schedule_start", errors);
			if (first != null && first.isBefore(now.minus(GRACE))) {
				errors.put("schedule_start", "This time has passed; give one in the future (UTC)");
			}
			else if (first != null && first.isAfter(now.plus(FURTHEST_START))) {
				errors.put("schedule_start", "Globus Timers takes a start within a year from now");
			}
		}
		if (RECURRING.equals(this.type)) {
			Integer hours = number(this.intervalHours);
			if (this.intervalHours.isEmpty()) {
				errors.put("schedule_interval_hours", "Say how many hours apart the runs are, e.g. 24 for nightly");
			}
			else if (hours == null || hours < 1 || hours > MAX_INTERVAL_HOURS) {
				errors.put("schedule_interval_hours",
						"Give a whole number of hours from 1 to " + MAX_INTERVAL_HOURS + " (a year)");
			}
			if (!this.endCount.isEmpty() && !this.end.isEmpty()) {
				errors.put("schedule_end", "Give either a number of runs or an end time, not both");
			}
			else if (!this.endCount.isEmpty()) {
				Integer count = number(this.endCount);
				if (count == null || count < 1) {
					errors.put("schedule_end_count", "Give the number of runs as a whole number, at least 1");
				}
			}
			else if (!this.end.isEmpty()) {
				Instant last = time(this.end, "schedule_end", errors);
				Instant from = (first != null) ? first : now;
				if (last != null && !last.isAfter(from)) {
					errors.put("schedule_end", "The end must come after the start");
				}
			}
		}
		return errors;
	}

	/**
	 * The checked schedule; call only once {@link #errors} has nothing to say. A
	 * recurring schedule of one run is a schedule that runs once, as Globus's CLI makes
	 * it.
	 */
	public Schedule schedule(Instant now) {
		Map<String, String> ignored = new LinkedHashMap<>();
		Instant first = this.start.isEmpty() ? null : time(this.start, "schedule_start", ignored);
		if (first != null && first.isBefore(now)) {
			first = null;
		}
		if (ONCE.equals(this.type)) {
			return Schedule.once(first);
		}
		Integer count = this.endCount.isEmpty() ? null : number(this.endCount);
		if (count != null && count == 1) {
			return Schedule.once(first);
		}
		Instant last = this.end.isEmpty() ? null : time(this.end, "schedule_end", ignored);
		return new Schedule(true, first, number(this.intervalHours), count, last);
	}

	/** The start as a {@code datetime-local} field shows it (see {@link #input}). */
	public String startInput() {
		return input(this.start);
	}

	/** The end as a {@code datetime-local} field shows it (see {@link #input}). */
	public String endInput() {
		return input(this.end);
	}

	/**
	 * A time the way a {@code datetime-local} field takes it ({@code 2030-01-31T02:00},
	 * UTC), so that a deep link's {@code 2030-01-31T02:00:00Z} shows in the field; text
	 * that is no time is kept as typed.
	 */
	static String input(String text) {
		if (text.isEmpty()) {
			return text;
		}
		Instant time = time(text, "", new LinkedHashMap<>());
		if (time == null) {
			return text;
		}
		LocalDateTime utc = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
		return utc.format(
				DateTimeFormatter.ofPattern((utc.getSecond() != 0) ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm"));
	}

	/**
	 * A UTC date and time as a {@code datetime-local} field gives it
	 * ({@code 2030-01-31T02:00}), or with seconds, a space for the {@code T}, or an
	 * offset.
	 */
	static Instant time(String text, String field, Map<String, String> errors) {
		String iso = text.trim().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
		try {
			return OffsetDateTime.parse(iso).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException again) {
				errors.put(field, "Give a date and time (UTC), e.g. 2030-01-31T02:00");
				return null;
			}
		}
	}

	private static Integer number(String text) {
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String clean(String value) {
		return (value != null) ? value.strip() : "";
	}

}
