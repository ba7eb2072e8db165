package org.transferportal.tasks;

import java.util.Map;

/**
 * Published when the user's pages have just read task statuses from Globus (the activity
 * list, a task page, its progress poll), so that features keeping their own record of
 * tasks can note them without the task pages knowing those features.
 *
 * @param subject the Globus identity id of the user who owns the tasks
 * @param statusByTask each task's status as Globus gave it, by task id
 */
public record TaskStatusesSeen(String subject, Map<String, String> statusByTask) {

	public TaskStatusesSeen {
		statusByTask = Map.copyOf(statusByTask);
	}

	/** One task's status. */
	static TaskStatusesSeen of(String subject, String taskId, String status) {
		return new TaskStatusesSeen(subject, Map.of(taskId, status));
	}

}
