package org.transferportal.transfer;

import java.time.Instant;

/**
 * When a scheduled transfer runs, checked: once at a time, or every so many hours from a
 * start until a number of runs or a time.
 *
 * @param recurring whether it repeats
 * @param start its first (or only) run; {@code null} for now
 * @param intervalHours hours between runs of a recurring schedule
 * @param endCount runs after which a recurring schedule ends, or {@code null}
 * @param end the time a recurring schedule ends, or {@code null}
 */
public record Schedule(boolean recurring, Instant start, Integer intervalHours, Integer endCount, Instant end) {

	/** Runs once at this time. */
	public static Schedule once(Instant start) {
		return new Schedule(false, start, null, null, null);
	}

	/** Seconds between runs of a recurring schedule. */
	public long intervalSeconds() {
		return this.intervalHours * 3600L;
	}

}
