package org.transferportal.tasks;

import java.util.List;

import org.transferportal.globus.Task;

/**
 * What went wrong with a task and what the user can do, as the task page's "What went
 * wrong" section shows it while the task runs and after.
 *
 * @param key changes whenever the section would (see {@link #key(Task)}), so that the
 * page's script fetches it again only then
 * @param headline one plain sentence on the task's state, or {@code null} when all is
 * well
 * @param groups the error events by kind, the kinds with the most events first
 * @param errorEvents error events Globus counts for the task
 * @param errorEventsRead how many of them (the newest) the groups are made of
 * @param hold why the task is stopped (INACTIVE or paused) and what to do, or
 * {@code null}
 * @param skipped a page of the paths skipped under {@code skip_source_errors}, or
 * {@code null} when there are none
 * @param problem what Globus could not tell just now, or {@code null}
 */
record Triage(String key, String headline, List<ErrorGroup> groups, int errorEvents, int errorEventsRead, Hold hold,
		SkippedPage skipped, String problem) {

	/** Whether there is anything to show. */
	public boolean isEmpty() {
		return this.headline == null && this.groups.isEmpty() && this.hold == null && this.skipped == null
				&& this.problem == null;
	}

	/** Whether the groups leave out older error events. */
	public boolean partial() {
		return this.errorEventsRead < this.errorEvents;
	}

	/**
	 * A fingerprint of what the section shows, from the task document alone: its status,
	 * status word, counts of faults, failed and skipped paths, and pause.
	 */
	static String key(Task task) {
		return String.join("|", String.valueOf(task.status()), String.valueOf(task.niceStatus()),
				String.valueOf(task.faults()), String.valueOf(task.subtasksFailed()),
				String.valueOf(task.subtasksSkippedErrors()), String.valueOf(task.isPaused()));
	}

	/**
	 * Error events of one kind.
	 *
	 * @param title the kind, e.g. {@code Permission denied}
	 * @param advice what it means and what to do
	 * @param codes Globus's codes among them, e.g. {@code PERMISSION_DENIED}
	 * @param events how many events
	 * @param paths the distinct paths they name (at most {@link TaskTriage#PATHS_SHOWN})
	 * @param morePaths how many more distinct paths they name
	 */
	record ErrorGroup(String title, String advice, List<String> codes, int events, List<String> paths, int morePaths) {
	}

	/**
	 * Why Globus holds the task, and what the user can do.
	 *
	 * @param reason Globus's status word ({@code nice_status}), e.g. {@code PAUSED}
	 * @param details Globus's explanation ({@code nice_status_details}), or {@code null}
	 * @param remedy what the user can do
	 * @param rules the administrators' pause rules that hold it, with their messages
	 */
	record Hold(String reason, String details, Remedy remedy, List<PauseRule> rules) {

		public boolean paused() {
			return this.remedy == Remedy.WAIT;
		}

	}

	/** What the user can do about a held task. */
	enum Remedy {

		/** Give the collections' data_access consent again: one trip to Globus Auth. */
		CONSENT,

		/** Log in again (a high-assurance collection, or credentials that expired). */
		LOGIN,

		/** Nothing but wait: a collection's administrator paused it. */
		WAIT

	}

	/** A pause rule: on which collection, and its administrator's message. */
	record PauseRule(String collection, String message) {
	}

	/**
	 * A page of skipped paths.
	 *
	 * @param total how many Globus skipped
	 * @param entries this page
	 * @param marker this page's marker, {@code null} for the first
	 * @param nextMarker the next page's marker, or {@code null}
	 */
	record SkippedPage(int total, List<Skipped> entries, Long marker, Long nextMarker) {
	}

	/** One skipped path, with why. */
	record Skipped(String sourcePath, String destinationPath, String kind, String code, boolean folder) {
	}

}
