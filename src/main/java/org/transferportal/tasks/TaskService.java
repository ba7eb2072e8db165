package org.transferportal.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.Task;
import org.transferportal.globus.TaskEvent;
import org.transferportal.globus.TaskList;
import org.transferportal.globus.TaskQuery;
import org.transferportal.globus.TransferClient;
import org.transferportal.globus.TransferDocument;
import org.transferportal.globus.TransferredFiles;

/**
 * The user's tasks, as Globus Transfer reports them.
 */
@Service
class TaskService {

	static final int PAGE_SIZE = 25;

	/** The last page that ends within what Transfer lists of one query. */
	static final int LAST_OFFSET = TaskQuery.MAX_RESULTS - PAGE_SIZE;

	/** Times in a task-list filter, as the Globus CLI sends them (UTC). */
	static final DateTimeFormatter WINDOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private final CurrentUser user;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TaskTriage triage;

	private final ObjectProvider<TaskActions> actions;

	private final ObjectProvider<SubmittedRequests> requests;

	TaskService(CurrentUser user, Clock clock, ApplicationEventPublisher events, TaskTriage triage,
			ObjectProvider<TaskActions> actions, ObjectProvider<SubmittedRequests> requests) {
		this.user = user;
		this.clock = clock;
		this.events = events;
		this.triage = triage;
		this.actions = actions;
		this.requests = requests;
	}

	/**
	 * A page of tasks, newest first; with {@code before}, of the tasks requested at or
	 * before then. Transfer lists only the first {@value TaskQuery#MAX_RESULTS} tasks of
	 * a query, so the page at that point leads on to a window of older tasks rather than
	 * to a further offset.
	 */
	TaskPage tasks(List<String> statuses, int offset, Instant before) {
		int first = Math.min(Math.max(0, offset), LAST_OFFSET);
		String until = (before != null) ? WINDOW_TIME.format(before) : null;
		TaskList list = this.user.transfer()
			.tasks(new TaskQuery(statuses, List.of(), null, null, until, PAGE_SIZE, first));
		this.events.publishEvent(new TaskStatusesSeen(this.user.subject(), list.data()));
		List<TaskView> views = list.data().stream().map(TaskView::of).toList();
		int total = (list.total() != null) ? list.total() : views.size();
		return new TaskPage(views, first, total, before);
	}

	/**
	 * One task with its latest events, its options, a page of the files it transferred
	 * (from the marker, or the first page), what went wrong (with a page of the paths it
	 * skipped, from {@code skippedMarker}) and what the user can do next.
	 */
	TaskDetail task(String taskId, Long marker, Long skippedMarker) {
		TransferClient transfer = this.user.transfer();
		Task task = transfer.task(taskId);
		seen(task);
		// The task itself matters more than its log and file list: show it without them
		// when Globus cannot give them.
		List<TaskEvent> events = optional(() -> transfer.taskEvents(taskId, 50, 0, false).data(), List.of());
		// A delete copies nothing: Transfer has no file list for it.
		TransferredFiles files = "DELETE".equals(task.type()) ? new TransferredFiles(List.of(), marker, null)
				: optional(() -> transfer.successfulTransfers(taskId, marker),
						new TransferredFiles(List.of(), marker, null));
		TaskOptions options = TaskOptions.of(task);
		TaskView view = TaskView.of(task);
		TransferDocument requested = this.requests.stream()
			.map((r) -> r.find(this.user.subject(), taskId).orElse(null))
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
		return new TaskDetail(view, view.elapsed(this.clock.instant()), events, options, files.data(), marker,
				files.nextMarker(), CliCommand.of(task, options, requested),
				this.triage.of(transfer, task, skippedMarker),
				this.actions.orderedStream().flatMap((offer) -> offer.offered(task).stream()).toList());
	}

	/** What the page's script polls while the task runs. */
	TaskProgress progress(String taskId) {
		Task task = this.user.transfer().task(taskId);
		seen(task);
		return TaskProgress.of(TaskView.of(task), this.clock.instant(), Triage.key(task));
	}

	/**
	 * What went wrong with the task, for the page's script to show in place when the
	 * task's progress says it changed.
	 */
	Triage triage(String taskId) {
		TransferClient transfer = this.user.transfer();
		Task task = transfer.task(taskId);
		seen(task);
		return this.triage.of(transfer, task, null);
	}

	private void seen(Task task) {
		if (task.taskId() != null && task.status() != null) {
			this.events.publishEvent(TaskStatusesSeen.of(this.user.subject(), task));
		}
	}

	private static <T> T optional(Supplier<T> call, T fallback) {
		try {
			return call.get();
		}
		catch (GlobusApiException ex) {
			return fallback;
		}
	}

	void cancel(String taskId) {
		this.user.transfer().cancelTask(taskId);
	}

	/**
	 * A page of the task list.
	 *
	 * @param tasks the tasks, newest first
	 * @param offset the first task's place in the list
	 * @param total how many tasks the list has, as Globus counts them
	 * @param before the end of the time window the list is limited to, or {@code null}
	 */
	record TaskPage(List<TaskView> tasks, int offset, int total, Instant before) {

		/** Whether older tasks follow this page. */
		public boolean hasOlder() {
			return this.offset + this.tasks.size() < this.total && (hasNext() || olderWindow() != null);
		}

		/** Whether the older tasks are the next page of this list. */
		public boolean hasNext() {
			return this.offset + this.tasks.size() < this.total && nextOffset() <= LAST_OFFSET;
		}

		public int nextOffset() {
			return this.offset + PAGE_SIZE;
		}

		public int previousOffset() {
			return Math.max(0, this.offset - PAGE_SIZE);
		}

		/**
		 * Where the older tasks start when this page is the last Globus lists: the
		 * request time of its oldest task (tasks of that very second may show twice,
		 * rather than not at all); {@code null} when another page of this list follows or
		 * the time is unknown.
		 */
		public Instant olderWindow() {
			if (hasNext() || this.offset + this.tasks.size() >= this.total || this.tasks.isEmpty()) {
				return null;
			}
			OffsetDateTime oldest = this.tasks.get(this.tasks.size() - 1).requested();
			return (oldest != null) ? oldest.toInstant() : null;
		}

		/** Whether the page reached the end of what Globus lists of one query. */
		public boolean atListLimit() {
			return this.offset + this.tasks.size() < this.total && !hasNext();
		}

	}

	/**
	 * A task, its events and options, a page of its transferred files, the equivalent
	 * command, what went wrong, and what the user can do next.
	 */
	record TaskDetail(TaskView task, String elapsed, List<TaskEvent> events, TaskOptions options,
			List<TransferredFiles.Entry> files, Long marker, Long nextMarker, CliCommand command, Triage triage,
			List<TaskAction> actions) {

		public boolean hasMoreFiles() {
			return this.nextMarker != null;
		}

	}

}
