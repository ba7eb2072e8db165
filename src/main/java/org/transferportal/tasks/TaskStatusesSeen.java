package org.transferportal.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.transferportal.globus.Task;

/**
 * Published when the user's pages have just read tasks from Globus (the activity list, a
 * task page, its progress poll), so that features keeping their own record of tasks can
 * note what they saw — status, and once finished, the figures — without the task pages
 * knowing those features.
 *
 * @param subject the Globus identity id of the user who owns the tasks
 * @param tasks the task documents as Globus gave them (those without id or status left
 * out)
 */
public record TaskStatusesSeen(String subject, List<Task> tasks) {

	public TaskStatusesSeen {
		tasks = tasks.stream()
			.filter(Objects::nonNull)
			.filter((task) -> task.taskId() != null && task.status() != null)
			.toList();
	}

	/** Each task's status, by task id. */
	public Map<String, String> statusByTask() {
		Map<String, String> statuses = new LinkedHashMap<>();
		this.tasks.forEach((task) -> statuses.put(task.taskId(), task.status()));
		return statuses;
	}

	/** One task. */
	static TaskStatusesSeen of(String subject, Task task) {
		return new TaskStatusesSeen(subject, List.of(task));
	}

}
