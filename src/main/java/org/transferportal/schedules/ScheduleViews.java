package org.transferportal.schedules;

import java.time.Instant;
import java.util.List;

/**
 * What the schedules pages show, in the portal's words rather than Timers' documents.
 */
final class ScheduleViews {

	private ScheduleViews() {
	}

	/**
	 * One schedule in the list.
	 *
	 * @param id its id at Timers
	 * @param name its name
	 * @param route "source → destination" by collection names
	 * @param schedule when it runs, in words
	 * @param nextRun its next run, or {@code null}
	 * @param lastResult its last run's outcome, in a word
	 * @param status its status, in words
	 * @param attention whether Globus stopped it and it needs its owner
	 */
	record Summary(String id, String name, String route, String schedule, Instant nextRun, String lastResult,
			String status, boolean attention) {
	}

	/**
	 * The user's schedules.
	 *
	 * @param schedules the schedules, newest first
	 */
	record Listing(List<Summary> schedules) {
	}

	/**
	 * One run.
	 *
	 * @param ranAt when it ran
	 * @param taskId its task, or {@code null} when none was made
	 * @param outcome its task's status, or what went wrong
	 * @param failed whether it made no task
	 */
	record Run(Instant ranAt, String taskId, String outcome, boolean failed) {
	}

	/**
	 * A schedule's page.
	 *
	 * @param id its id at Timers
	 * @param name its name
	 * @param route "source → destination" by collection names
	 * @param schedule when it runs, in words
	 * @param status its status, in words
	 * @param canPause whether it can be paused (it is active)
	 * @param canResume whether its owner paused it
	 * @param needsFix whether Globus stopped it for a consent or login
	 * @param over whether it will never run again
	 * @param stopped why Globus stopped it, in words, or {@code null}
	 * @param nextRun its next run, or {@code null}
	 * @param lastRanAt its last run, or {@code null}
	 * @param runCount how many times it ran
	 * @param errorCount how many runs failed
	 * @param runs its latest runs, newest first
	 * @param moreRuns whether older runs exist beyond these
	 */
	record Detail(String id, String name, String route, String schedule, String status, boolean canPause,
			boolean canResume, boolean needsFix, boolean over, String stopped, Instant nextRun, Instant lastRanAt,
			int runCount, int errorCount, List<Run> runs, boolean moreRuns) {
	}

}
