package org.transferportal.globus;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * When a timer runs, as Globus Timers writes it: {@code once} (at {@code datetime}, or
 * now), or {@code recurring} every {@code interval_seconds} from {@code start} (or now)
 * until an end condition, if any.
 *
 * @param type {@code once} or {@code recurring}
 * @param intervalSeconds seconds between runs of a recurring timer
 * @param start when a recurring timer first runs (ISO 8601 with offset), or {@code null}
 * for now
 * @param datetime when a once timer runs, or {@code null} for now
 * @param end when a recurring timer stops, or {@code null} for never
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimerSchedule(String type, Long intervalSeconds, String start, String datetime, End end) {

	/** Timers' type of a timer that runs once. */
	public static final String ONCE = "once";

	/** Timers' type of a timer that repeats. */
	public static final String RECURRING = "recurring";

	private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
		.withZone(ZoneOffset.UTC);

	/** Runs once at this time ({@code null}: now). */
	public static TimerSchedule once(Instant at) {
		return new TimerSchedule(ONCE, null, null, format(at), null);
	}

	/** Runs every {@code intervalSeconds} from {@code start} ({@code null}: now). */
	public static TimerSchedule recurring(long intervalSeconds, Instant start, End end) {
		return new TimerSchedule(RECURRING, intervalSeconds, format(start), null, end);
	}

	/**
	 * An instant as Globus's SDK sends it: ISO 8601 to the second, with the UTC offset
	 * written out.
	 */
	static String format(Instant instant) {
		return (instant != null) ? ISO_SECONDS.format(instant) : null;
	}

	/** Whether the timer repeats. */
	public boolean recurring() {
		return RECURRING.equals(this.type);
	}

	/**
	 * When a recurring timer stops: after a number of runs ({@code condition:
	 * "iterations"} with {@code count} — not {@code iterations}, whatever some SDK
	 * examples say) or at a time ({@code condition: "time"} with {@code datetime}).
	 *
	 * @param condition {@code iterations} or {@code time}
	 * @param count how many runs, for {@code iterations}
	 * @param datetime the end, for {@code time}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record End(String condition, Integer count, String datetime) {

		/** Stops after this many runs. */
		public static End afterRuns(int count) {
			return new End("iterations", count, null);
		}

		/** Stops at this time. */
		public static End at(Instant end) {
			return new End("time", null, format(end));
		}

	}

}
