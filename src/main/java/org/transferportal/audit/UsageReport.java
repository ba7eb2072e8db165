package org.transferportal.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.transferportal.support.Sizes;

/**
 * The usage page's figures for a period, with its charts.
 *
 * @param from the first day (UTC)
 * @param to the last day (UTC)
 * @param everyone whether the figures are the whole lab's (an admin) or one user's
 * @param totals the sums of the period
 * @param weeks per ISO week, every week of the period (empty weeks too)
 * @param users per user, most bytes first
 * @param collections per collection, out and in: the lab's collections always, others
 * that moved something
 * @param failures failed tasks by kind, most common first
 * @param charts the charts, in page order: bytes per week, files per week, by user (for
 * the whole lab), by collection, failure kinds
 */
record UsageReport(LocalDate from, LocalDate to, boolean everyone, Totals totals, List<Week> weeks, List<User> users,
		List<CollectionTraffic> collections, List<Failure> failures, Charts charts) {

	/** The charts of the page. */
	record Charts(Chart weeklyBytes, Chart weeklyFiles, Chart users, Chart collections, Chart failures) {
	}

	/** Sums of finished tasks. */
	record Totals(long tasks, long succeeded, long bytes, long files) {

		public long failed() {
			return this.tasks - this.succeeded;
		}

		/** Succeeded of finished, e.g. {@code 93.4 %}; a dash with none finished. */
		public String successRate() {
			return rate(this.succeeded, this.tasks);
		}

		public String bytesText() {
			return Sizes.human(this.bytes);
		}

	}

	/** One ISO week. */
	record Week(String name, LocalDate monday, long tasks, long succeeded, long bytes, long files) {

		public LocalDate sunday() {
			return this.monday.plusDays(6);
		}

		public String bytesText() {
			return Sizes.human(this.bytes);
		}

	}

	/** One user. */
	record User(String subject, String username, long tasks, long succeeded, long bytes, long files) {

		public String successRate() {
			return rate(this.succeeded, this.tasks);
		}

		public String bytesText() {
			return Sizes.human(this.bytes);
		}

	}

	/** One collection: what left it (as source) and what reached it (as destination). */
	record CollectionTraffic(String id, String name, long tasksOut, long bytesOut, long filesOut, long tasksIn,
			long bytesIn, long filesIn) {

		public String bytesOutText() {
			return Sizes.human(this.bytesOut);
		}

		public String bytesInText() {
			return Sizes.human(this.bytesIn);
		}

	}

	/** Failed tasks of one kind. */
	record Failure(String kind, long tasks, long ofAllFailed) {

		public String share() {
			return rate(this.tasks, this.ofAllFailed);
		}

	}

	static String rate(long part, long whole) {
		return (whole == 0) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
	}

}
