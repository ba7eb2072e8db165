package org.transferportal.globus;

import java.time.Instant;

/**
 * One run of a timer, from the {@code results} of its job document: when it ran and the
 * Transfer task it submitted, if any.
 *
 * @param ranAt when it ran (the tick of its schedule)
 * @param runStatus Timers' word for how the run went, if given
 * @param httpStatus the status of the submission to Transfer (e.g. 202), if given
 * @param taskId the Transfer task the run submitted, or {@code null} when it submitted
 * none
 * @param taskStatus the task's status as Timers last saw it, if given
 * @param error what went wrong, when the run failed to submit
 */
public record TimerRun(Instant ranAt, String runStatus, Integer httpStatus, String taskId, String taskStatus,
		String error) {

	/** Whether the run did not get a task created. */
	public boolean failed() {
		return this.taskId == null && (this.error != null || (this.httpStatus != null && this.httpStatus >= 400));
	}

}
