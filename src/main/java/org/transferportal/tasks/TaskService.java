package org.transferportal.tasks;

import java.util.List;

import org.springframework.stereotype.Service;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusUnauthorizedException;
import org.transferportal.globus.TaskEvent;
import org.transferportal.globus.TaskList;
import org.transferportal.globus.TaskQuery;
import org.transferportal.globus.TransferClient;

/**
 * The user's tasks, as Globus Transfer reports them.
 */
@Service
class TaskService {

	static final int PAGE_SIZE = 25;

	private final CurrentUser user;

	TaskService(CurrentUser user) {
		this.user = user;
	}

	/** A page of tasks, newest first. */
	TaskPage tasks(List<String> statuses, int offset) {
		TaskList list = this.user.transfer()
			.tasks(new TaskQuery(statuses, List.of(), null, null, null, PAGE_SIZE, offset));
		List<TaskView> views = list.data().stream().map(TaskView::of).toList();
		int total = (list.total() != null) ? list.total() : views.size();
		return new TaskPage(views, offset, total);
	}

	/** One task with its latest events. */
	TaskDetail task(String taskId) {
		TransferClient transfer = this.user.transfer();
		TaskView task = TaskView.of(transfer.task(taskId));
		List<TaskEvent> events;
		try {
			events = transfer.taskEvents(taskId, 50, 0, false).data();
		}
		catch (GlobusUnauthorizedException ex) {
			throw ex;
		}
		catch (GlobusApiException ex) {
			// The task itself matters more than its log: show it without events.
			events = List.of();
		}
		return new TaskDetail(task, events);
	}

	void cancel(String taskId) {
		this.user.transfer().cancelTask(taskId);
	}

	/** A page of the task list. */
	record TaskPage(List<TaskView> tasks, int offset, int total) {

		public boolean hasNext() {
			return this.offset + this.tasks.size() < this.total;
		}

		public int nextOffset() {
			return this.offset + PAGE_SIZE;
		}

		public int previousOffset() {
			return Math.max(0, this.offset - PAGE_SIZE);
		}

	}

	/** A task and its events. */
	record TaskDetail(TaskView task, List<TaskEvent> events) {
	}

}
