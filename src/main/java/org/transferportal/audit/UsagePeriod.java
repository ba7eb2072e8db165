package org.transferportal.audit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The period the usage pages show, as typed (kept for the form) and as read: UTC days,
 * both ends included. Without dates, the last twelve ISO weeks up to today.
 *
 * @param fromText the first day as typed
 * @param toText the last day as typed
 * @param from the first day, or {@code null} when the input has errors
 * @param to the last day, or {@code null} when the input has errors
 * @param errors messages by field ({@code from}, {@code to})
 */
record UsagePeriod(String fromText, String toText, LocalDate from, LocalDate to, Map<String, String> errors) {

	/** Weeks shown when no period is given. */
	static final int DEFAULT_WEEKS = 12;

	/** The longest period one page shows. */
	static final int MAX_DAYS = 3 * 366;

	static UsagePeriod of(String fromText, String toText, LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate from = UtcDays.parse(fromText, "from", errors);
		LocalDate to = UtcDays.parse(toText, "to", errors);
		if (errors.isEmpty()) {
			to = (to != null) ? to : today;
			from = (from != null) ? from : UtcDays.monday(to).minusWeeks(DEFAULT_WEEKS - 1);
			if (from.isAfter(to)) {
				errors.put("from", "The first day must not be after the last day");
			}
			else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
				errors.put("from", "Choose a period of at most three years");
			}
		}
		if (!errors.isEmpty()) {
			return new UsagePeriod(text(fromText), text(toText), null, null, Map.copyOf(errors));
		}
		return new UsagePeriod(from.toString(), to.toString(), from, to, Map.of());
	}

	/** The last {@code weeks} ISO weeks up to today, for the page's quick links. */
	static UsagePeriod lastWeeks(int weeks, LocalDate today) {
		LocalDate from = UtcDays.monday(today).minusWeeks(weeks - 1);
		return new UsagePeriod(from.toString(), today.toString(), from, today, Map.of());
	}

	public boolean valid() {
		return this.errors.isEmpty();
	}

	private static String text(String value) {
		return (value != null) ? value.strip() : "";
	}

}
