package org.transferportal.audit;

import java.time.LocalDate;
import java.util.List;

import org.transferportal.support.Sizes;

/**
 * One collection's traffic over a period: per ISO week, what left it (as a transfer's
 * source) and what reached it (as destination).
 *
 * @param id the collection id
 * @param name its name in the lab's settings, or its id
 * @param from the first day (UTC)
 * @param to the last day (UTC)
 * @param everyone whether the figures are the whole lab's or the user's own
 * @param weeks every ISO week of the period
 * @param bytesOut bytes out in all
 * @param bytesIn bytes in in all
 * @param chart bytes out and in per week
 */
record CollectionUsage(String id, String name, LocalDate from, LocalDate to, boolean everyone, List<Week> weeks,
		long bytesOut, long bytesIn, Chart chart) {

	/** One ISO week of the collection's traffic. */
	record Week(String name, LocalDate monday, long tasksOut, long bytesOut, long filesOut, long tasksIn, long bytesIn,
			long filesIn) {

		public LocalDate sunday() {
			return this.monday.plusDays(6);
		}

		public String bytesOutText() {
			return Sizes.human(this.bytesOut);
		}

		public String bytesInText() {
			return Sizes.human(this.bytesIn);
		}

	}

	public String bytesOutText() {
		return Sizes.human(this.bytesOut);
	}

	public String bytesInText() {
		return Sizes.human(this.bytesIn);
	}

}
