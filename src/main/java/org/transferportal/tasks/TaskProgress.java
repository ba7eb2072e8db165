package org.transferportal.tasks;

/**
 * The live part of a task's page, as the page's script polls it from
 * {@code /tasks/{id}/progress}.
 *
 * @param status Globus's status
 * @param niceStatus Globus's short explanation, e.g. {@code Queued}
 * @param active whether the task still runs (the script keeps polling)
 * @param percent share of subtasks done, 0 to 100
 * @param filesPercent share of files transferred, 0 to 100
 * @param bytes bytes transferred, in human units
 * @param filesTransferred files transferred
 * @param files files in the task
 * @param subtasksSucceeded subtasks done
 * @param subtasksPending subtasks waiting
 * @param subtasksFailed subtasks failed, cancelled or expired
 * @param subtasksTotal subtasks in all
 * @param rate transfer rate, in human units per second
 * @param elapsed time since the request, e.g. {@code 2 min 5 s}
 * @param fatalError why it failed, or {@code null}
 * @param note what Globus says of its state in plain words (retrying after errors,
 * queued, paused, suspended), or {@code null}
 * @param noteIsProblem whether the note says something is wrong
 * @param triageKey changes when the page's "What went wrong" section would (see
 * {@link Triage#key}): the script then fetches the section again
 */
record TaskProgress(String status, String niceStatus, boolean active, int percent, int filesPercent, String bytes,
		int filesTransferred, int files, int subtasksSucceeded, int subtasksPending, int subtasksFailed,
		int subtasksTotal, String rate, String elapsed, String fatalError, String note, boolean noteIsProblem,
		String triageKey) {

	static TaskProgress of(TaskView task, java.time.Instant now, String triageKey) {
		return new TaskProgress(task.status(), task.niceStatus(), task.active(), task.percent(), task.filesPercent(),
				task.bytesText(), task.filesTransferred(), task.files(), task.subtasksSucceeded(),
				task.subtasksPending(), task.subtasksFailed(), task.subtasksTotal(), task.rateText(), task.elapsed(now),
				task.fatalError(), (task.note() != null) ? task.note().text() : null,
				task.note() != null && task.note().problem(), triageKey);
	}

}
