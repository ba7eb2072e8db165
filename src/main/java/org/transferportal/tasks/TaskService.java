package org.transferportal.tasks;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusUnauthorizedException;
import org.transferportal.globus.Task;
import org.transferportal.globus.TaskEvent;
import org.transferportal.globus.TaskList;
import org.transferportal.globus.TaskQuery;
import org.transferportal.globus.TransferClient;
import org.transferportal.globus.TransferredFiles;

/**
 * The user's tasks, as Globus Transfer reports them.
 */
@Service
class TaskService {

	static final int PAGE_SIZE = 25;

	private final CurrentUser user;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	TaskService(CurrentUser user, Clock clock, ApplicationEventPublisher events) {
		this.user = user;
		this.clock = clock;
		this.events = events;
	}

	/** A page of tasks, newest first. */
	TaskPage tasks(List<String> statuses, int offset) {
		TaskList list = this.user.transfer()
			.tasks(new TaskQuery(statuses, List.of(), null, null, null, PAGE_SIZE, offset));
		this.events.publishEvent(new TaskStatusesSeen(this.user.subject(), list.data()));
		List<TaskView> views = list.data().stream().map(TaskView::of).toList();
		int total = (list.total() != null) ? list.total() : views.size();
		return new TaskPage(views, offset, total);
	}

	/**
	 * One task with its latest events, its options, and a page of the files it
	 * transferred (from the marker, or the first page).
	 */
	TaskDetail task(String taskId, Long marker) {
		TransferClient transfer = this.user.transfer();
		Task task = transfer.task(taskId);
		seen(task);
		// The task itself matters more than its log and file list: show it without them
		// when Globus cannot give them.
		List<TaskEvent> events = optional(() -> transfer.taskEvents(taskId, 50, 0, false).data(), List.of());
		TransferredFiles files = optional(() -> transfer.successfulTransfers(taskId, marker),
				new TransferredFiles(List.of(), marker, null));
		TaskOptions options = TaskOptions.of(task);
		TaskView view = TaskView.of(task);
		return new TaskDetail(view, view.elapsed(this.clock.instant()), events, options, files.data(), marker,
				files.nextMarker(), command(task, options, files));
	}

	/** What the page's script polls while the task runs. */
	TaskProgress progress(String taskId) {
		Task task = this.user.transfer().task(taskId);
		seen(task);
		return TaskProgress.of(TaskView.of(task), this.clock.instant());
	}

	private void seen(Task task) {
		if (task.taskId() != null && task.status() != null) {
			this.events.publishEvent(TaskStatusesSeen.of(this.user.subject(), task));
		}
	}

	/**
	 * The same request as a {@code globus transfer} command; the items are the files the
	 * page lists, since Globus does not return a task's original items.
	 */
	static String command(Task task, TaskOptions options, TransferredFiles files) {
		StringBuilder command = new StringBuilder("globus transfer ");
		command.append(task.sourceEndpointId()).append(' ').append(task.destinationEndpointId());
		if (task.label() != null && !task.label().isBlank()) {
			command.append(" --label ").append(Shell.quote(task.label()));
		}
		options.flags().forEach((flag) -> command.append(' ').append(flag));
		command.append(" --batch - <<'EOF'\n");
		if (files.data().isEmpty()) {
			command.append("# SOURCE_PATH DESTINATION_PATH [--recursive], one item per line\n");
		}
		for (TransferredFiles.Entry file : files.data()) {
			command.append(Shell.quote(file.sourcePath()))
				.append(' ')
				.append(Shell.quote(file.destinationPath()))
				.append('\n');
		}
		return command.append("EOF").toString();
	}

	private static <T> T optional(java.util.function.Supplier<T> call, T fallback) {
		try {
			return call.get();
		}
		catch (GlobusUnauthorizedException ex) {
			throw ex;
		}
		catch (GlobusApiException ex) {
			return fallback;
		}
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

	/**
	 * A task, its events and options, a page of its transferred files, and the equivalent
	 * command.
	 */
	record TaskDetail(TaskView task, String elapsed, List<TaskEvent> events, TaskOptions options,
			List<TransferredFiles.Entry> files, Long marker, Long nextMarker, String command) {

		public boolean hasMoreFiles() {
			return this.nextMarker != null;
		}

	}

}
