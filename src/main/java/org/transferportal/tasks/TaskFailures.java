package org.transferportal.tasks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.Task;
import org.transferportal.globus.TaskEvent;
import org.transferportal.globus.TaskEventList;
import org.transferportal.globus.TransferClient;
import org.transferportal.globus.TransferredFiles;

/**
 * Which paths of one of the user's tasks failed or were skipped, as Globus reports them,
 * for features that act on them (retry only what failed): the paths its error events
 * name, less those it copied in the end (a path may fail and then succeed on a retry),
 * and the paths it skipped under {@code skip_source_errors}.
 */
@Component
public class TaskFailures {

	/** Transfer lists at most this many results of one query (its paging limit). */
	static final int MAX_EVENTS = 1000;

	/**
	 * Pages of a marker-paged list read at most, so that a huge task cannot hold a click.
	 */
	static final int MAX_PAGES = 200;

	private final CurrentUser user;

	TaskFailures(CurrentUser user) {
		this.user = user;
	}

	/**
	 * What failed and what was skipped in the task, with the task as Globus has it now.
	 */
	public Failures of(String taskId) {
		TransferClient transfer = this.user.transfer();
		Task task = transfer.task(taskId);
		boolean complete = true;
		Set<String> failed = new LinkedHashSet<>();
		if (TaskTriage.hasErrors(task)) {
			TaskEventList events = transfer.taskEvents(taskId, MAX_EVENTS, 0, true);
			for (TaskEvent event : events.data()) {
				if (event.isError() && !ErrorKind.isOutcome(event.code())) {
					failed.addAll(EventPaths.of(event.details()));
				}
			}
			complete = events.total() == null || events.total() <= events.data().size();
		}
		List<Skipped> skipped = new ArrayList<>();
		Long marker = null;
		int pages = 0;
		if (task.subtasksSkippedErrors() != null && task.subtasksSkippedErrors() > 0) {
			do {
				TransferredFiles page = transfer.skippedErrors(taskId, marker);
				page.data()
					.forEach((entry) -> skipped
						.add(new Skipped(entry.sourcePath(), entry.destinationPath(), TaskTriage.folder(entry))));
				marker = page.nextMarker();
			}
			while (marker != null && ++pages < MAX_PAGES);
			complete &= marker == null;
		}
		if (!failed.isEmpty()) {
			Copied copied = copied(transfer, taskId);
			failed.removeIf(copied.paths()::contains);
			complete &= copied.complete();
		}
		return new Failures(task, List.copyOf(failed), List.copyOf(skipped), complete);
	}

	/** The source and destination paths the task copied, as far as read. */
	private static Copied copied(TransferClient transfer, String taskId) {
		Set<String> paths = new HashSet<>();
		Long marker = null;
		int pages = 0;
		do {
			TransferredFiles page = transfer.successfulTransfers(taskId, marker);
			page.data().forEach((entry) -> {
				paths.add(entry.sourcePath());
				paths.add(entry.destinationPath());
			});
			marker = page.nextMarker();
		}
		while (marker != null && ++pages < MAX_PAGES);
		return new Copied(paths, marker == null);
	}

	private record Copied(Set<String> paths, boolean complete) {
	}

	/**
	 * What failed in a task.
	 *
	 * @param task the task document
	 * @param failedPaths the distinct paths its error events name and that it did not
	 * copy in the end, newest error first; a path may be a source or a destination path
	 * @param skipped the paths it skipped because of errors
	 * @param complete whether Globus listed everything (false past its paging limits, so
	 * some failures may be missing)
	 */
	public record Failures(Task task, List<String> failedPaths, List<Skipped> skipped, boolean complete) {

		/** Whether nothing failed or was skipped, as far as Globus says. */
		public boolean isEmpty() {
			return this.failedPaths.isEmpty() && this.skipped.isEmpty();
		}

	}

	/** A path skipped because of an error, with where it would have gone. */
	public record Skipped(String sourcePath, String destinationPath, boolean folder) {
	}

}
