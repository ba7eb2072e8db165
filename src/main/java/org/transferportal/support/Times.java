package org.transferportal.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Times for people, the one formatter every page uses: to the second, in the portal's
 * time zone with its abbreviation ({@code 2026-11-30 02:34:20 UTC}), as a
 * machine-readable UTC value for {@code <time datetime>}, and relative
 * ({@code 3 min ago}) for lists. Accepts instants, offset or zoned times, and Globus's
 * timestamp texts.
 */
public final class Times {

	private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

	/** UTC by its name, which the pattern prints as {@code UTC} (the offset prints Z). */
	private static final ZoneId UTC = ZoneId.of("UTC");

	private final ZoneId zone;

	private final Clock clock;

	public Times(ZoneId zone, Clock clock) {
		this.zone = zone.normalized().equals(ZoneOffset.UTC) ? UTC : zone;
		this.clock = clock;
	}

	/** The portal's time zone. */
	public ZoneId zone() {
		return this.zone;
	}

	/** e.g. {@code 2026-11-30 02:34:20 UTC}; empty for no time. */
	public String text(Object time) {
		Instant instant = instant(time);
		return (instant != null) ? TEXT.format(instant.atZone(this.zone)) : "";
	}

	/** The same moment in UTC, e.g. {@code 2026-11-30 02:34:20 UTC}. */
	public String utc(Object time) {
		Instant instant = instant(time);
		return (instant != null) ? TEXT.format(instant.atZone(UTC)) : "";
	}

	/** ISO-8601 in UTC to the second, for {@code datetime} attributes and exports. */
	public String iso(Object time) {
		Instant instant = instant(time);
		return (instant != null) ? DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)) : "";
	}

	/**
	 * How long ago (or how soon), in the largest unit that fits: {@code just now},
	 * {@code 40 s ago}, {@code 3 min ago}, {@code 5 h ago}, {@code yesterday},
	 * {@code 4 days ago}; older than a week, the day ({@code 2026-11-02}).
	 */
	public String ago(Object time) {
		Instant instant = instant(time);
		if (instant == null) {
			return "";
		}
		Duration between = Duration.between(instant, this.clock.instant());
		boolean future = between.isNegative();
		long seconds = Math.abs(between.toSeconds());
		if (seconds < 5) {
			return "just now";
		}
		String amount;
		if (seconds < 60) {
			amount = seconds + " s";
		}
		else if (seconds < 3600) {
			amount = (seconds / 60) + " min";
		}
		else if (seconds < 86_400) {
			amount = (seconds / 3600) + " h";
		}
		else if (seconds < 7 * 86_400) {
			long days = seconds / 86_400;
			if (days == 1) {
				return future ? "tomorrow" : "yesterday";
			}
			amount = days + " days";
		}
		else {
			return DAY.format(instant.atZone(this.zone));
		}
		return future ? "in " + amount : amount + " ago";
	}

	/**
	 * The instant a value stands for, or {@code null} for none or for text that is not a
	 * time. Text may be ISO-8601 or Globus's {@code 2023-12-18 16:52:50+00:00}; a time
	 * without offset is UTC, as Globus means it.
	 */
	public static Instant instant(Object time) {
		if (time == null) {
			return null;
		}
		if (time instanceof Instant instant) {
			return instant;
		}
		if (time instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (time instanceof ZonedDateTime zoned) {
			return zoned.toInstant();
		}
		if (time instanceof java.util.Date date) {
			return date.toInstant();
		}
		if (time instanceof TemporalAccessor temporal
				&& temporal.isSupported(java.time.temporal.ChronoField.INSTANT_SECONDS)) {
			return Instant.from(temporal);
		}
		if (time instanceof CharSequence text) {
			return parse(text.toString());
		}
		return null;
	}

	private static Instant parse(String text) {
		String iso = text.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
		if (iso.isEmpty()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(iso).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notLocal) {
				return null;
			}
		}
	}

}
