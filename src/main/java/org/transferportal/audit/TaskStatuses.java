package org.transferportal.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.transferportal.globus.Task;
import org.transferportal.tasks.TaskStatusesSeen;
import org.transferportal.transfer.RequestStatus;

/**
 * What the portal learned of its submissions' tasks at Globus: the status as last seen
 * and, once a task has finished, its figures and its place in the usage roll-up. The one
 * place that records a task document, whoever read it (the owner's pages or the
 * background watcher).
 */
@Component
public class TaskStatuses {

	/** A submitted task whose status is due for a check. */
	record Due(String requestId, String subject, String taskId, Timestamp checkedAt) {
	}

	/** A request whose task has just been seen finished, not recorded as such yet. */
	private record Unfinished(String id, String username, String taskType, String sourceCollection,
			String destinationCollection, String label, Timestamp submittedAt) {
	}

	private final JdbcClient jdbc;

	private final UsageRollup rollup;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	TaskStatuses(JdbcClient jdbc, UsageRollup rollup, TransactionTemplate transactions, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.rollup = rollup;
		this.transactions = transactions;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Notes what the owner's pages just read from Globus: one task (a task page) or a
	 * page of them (the activity list).
	 */
	@EventListener
	void onStatusesSeen(TaskStatusesSeen seen) {
		learned(seen.subject(), seen.tasks());
	}

	/**
	 * Records what Globus just said to a user about their tasks; tasks of other users (or
	 * not submitted through the portal) are left alone. Unfinished tasks get their status
	 * (one statement per status); a task going INACTIVE is noted on its own, so that the
	 * change is told once; a finished task gets its figures, once.
	 */
	void learned(String subject, List<Task> tasks) {
		if (subject == null) {
			return;
		}
		List<TaskReport> reports = tasks.stream().map(TaskReport::of).filter(TaskReport::storable).toList();
		Instant now = this.clock.instant();
		Map<String, List<String>> unfinished = reports.stream()
			.filter((report) -> !report.finished() && !TaskStatusChanged.INACTIVE.equals(report.status()))
			.collect(Collectors.groupingBy(TaskReport::status,
					Collectors.mapping(TaskReport::taskId, Collectors.toList())));
		unfinished.forEach((status, taskIds) -> this.jdbc.sql("""
				update transfer_request set task_status = :status, status_checked_at = :now
				  where subject = :subject and task_id in (:tasks) and status = :submitted and completed_at is null""")
			.param("status", status)
			.param("now", Timestamp.from(now))
			.param("subject", subject)
			.param("tasks", taskIds)
			.param("submitted", RequestStatus.SUBMITTED)
			.update());
		reports.stream()
			.filter((report) -> TaskStatusChanged.INACTIVE.equals(report.status()))
			.forEach((report) -> inactive(subject, report, now));
		List<TaskReport> finished = reports.stream().filter(TaskReport::finished).toList();
		if (!finished.isEmpty()) {
			Set<String> open = notRecordedYet(subject, finished.stream().map(TaskReport::taskId).toList());
			finished.stream()
				.filter((report) -> open.contains(report.taskId()))
				.forEach((report) -> finish(subject, report, now));
		}
	}

	/** Records one task document (see {@link #learned(String, List)}). */
	void learned(String subject, Task task) {
		learned(subject, List.of(task));
	}

	/**
	 * Records a finished task's status and figures and adds it to the usage roll-up, in
	 * one transaction and only once: of two instances seeing the end at the same time,
	 * only the first to mark the request counts it (and publishes
	 * {@link TaskStatusChanged} in that transaction).
	 * @return whether this call recorded it
	 */
	boolean finish(String subject, TaskReport report, Instant seenAt) {
		return finish(subject, report, seenAt, true);
	}

	/**
	 * Records a finished task as {@link #finish(String, TaskReport, Instant)} does,
	 * without telling anyone: for history that is not news (the demo's seeded months).
	 */
	boolean recordPast(String subject, TaskReport report, Instant seenAt) {
		return finish(subject, report, seenAt, false);
	}

	private boolean finish(String subject, TaskReport report, Instant seenAt, boolean tell) {
		Instant completed = report.completedOr(seenAt);
		Boolean recorded = this.transactions.execute((tx) -> {
			boolean any = false;
			for (Unfinished request : unfinished(subject, report.taskId())) {
				int marked = this.jdbc.sql("""
						update transfer_request set task_status = ?, status_checked_at = ?, bytes_transferred = ?,
						  files_transferred = ?, files_skipped = ?, subtasks_failed = ?, skipped_errors = ?, faults = ?,
						  failure_kind = ?, completed_at = ?, duration_seconds = ?
						where id = ? and completed_at is null""")
					.params(report.status(), Timestamp.from(seenAt), report.bytes(), report.files(),
							report.filesSkipped(), report.subtasksFailed(), report.skippedErrors(), report.faults(),
							report.failureKind(), Timestamp.from(completed), report.durationSeconds(), request.id())
					.update();
				if (marked == 1) {
					this.rollup.add(new UsageRollup.Entry(completed.atZone(ZoneOffset.UTC).toLocalDate(), subject,
							request.username(), request.taskType(), request.sourceCollection(),
							request.destinationCollection(), report.status(), report.failureKind(), report.bytes(),
							report.files()));
					Long duration = (report.durationSeconds() != null) ? report.durationSeconds()
							: secondsBetween(request.submittedAt(), completed);
					if (tell) {
						this.events.publishEvent(changed(subject, request, report, duration, completed));
					}
					any = true;
				}
			}
			return any;
		});
		return Boolean.TRUE.equals(recorded);
	}

	/**
	 * Records that a task went INACTIVE, once per change: of several instances seeing it,
	 * only the one whose update finds another status there publishes
	 * {@link TaskStatusChanged}, in the same transaction.
	 */
	private void inactive(String subject, TaskReport report, Instant seenAt) {
		this.transactions.executeWithoutResult((tx) -> {
			for (Unfinished request : unfinished(subject, report.taskId())) {
				int marked = this.jdbc.sql("""
						update transfer_request set task_status = ?, status_checked_at = ?
						  where id = ? and completed_at is null and (task_status is null or task_status <> ?)""")
					.params(report.status(), Timestamp.from(seenAt), request.id(), report.status())
					.update();
				if (marked == 1) {
					this.events.publishEvent(changed(subject, request, report, null, seenAt));
				}
				else {
					this.jdbc.sql("update transfer_request set status_checked_at = ? where id = ?")
						.params(Timestamp.from(seenAt), request.id())
						.update();
				}
			}
		});
	}

	private static TaskStatusChanged changed(String subject, Unfinished request, TaskReport report, Long duration,
			Instant occurredAt) {
		return new TaskStatusChanged(request.id(), subject, request.username(), request.taskType(), report.taskId(),
				request.label(), request.sourceCollection(), request.destinationCollection(), report.status(),
				report.bytes(), report.files(), report.failureKind(), duration,
				(request.submittedAt() != null) ? request.submittedAt().toInstant() : null, occurredAt);
	}

	private static Long secondsBetween(Timestamp from, Instant to) {
		return (from != null) ? Math.max(0, to.getEpochSecond() - from.toInstant().getEpochSecond()) : null;
	}

	private List<Unfinished> unfinished(String subject, String taskId) {
		return this.jdbc.sql("""
				select id, username, task_type, source_collection, destination_collection, label, submitted_at
				  from transfer_request
				  where subject = ? and task_id = ? and status = ? and completed_at is null""")
			.params(subject, taskId, RequestStatus.SUBMITTED)
			.query(Unfinished.class)
			.list();
	}

	/**
	 * Which of these tasks of the user are submitted requests not recorded as finished.
	 */
	private Set<String> notRecordedYet(String subject, List<String> taskIds) {
		return new java.util.HashSet<>(this.jdbc.sql("""
				select task_id from transfer_request
				  where subject = :subject and task_id in (:tasks) and status = :submitted and completed_at is null""")
			.param("subject", subject)
			.param("tasks", taskIds)
			.param("submitted", RequestStatus.SUBMITTED)
			.query(String.class)
			.list());
	}

	/**
	 * Submitted tasks whose end has not been recorded, not checked since {@code before},
	 * oldest check first.
	 */
	List<Due> due(Instant before, Instant submittedSince, int limit) {
		return this.jdbc.sql("""
				select id, subject, task_id, status_checked_at from transfer_request
				  where status = ? and task_id is not null and submitted_at >= ? and completed_at is null
				    and (status_checked_at is null or status_checked_at < ?)
				  order by status_checked_at nulls first, submitted_at limit ?""")
			.params(RequestStatus.SUBMITTED, Timestamp.from(submittedSince), Timestamp.from(before), limit)
			.query((rs, row) -> new Due(rs.getString("id"), rs.getString("subject"), rs.getString("task_id"),
					rs.getTimestamp("status_checked_at")))
			.list();
	}

	/**
	 * Takes a due check for this instance: only one of several instances sharing the
	 * database wins it, the others skip it.
	 */
	boolean claim(Due due) {
		Timestamp now = Timestamp.from(this.clock.instant());
		if (due.checkedAt() == null) {
			return this.jdbc
				.sql("update transfer_request set status_checked_at = ? where id = ? and status_checked_at is null")
				.params(now, due.requestId())
				.update() == 1;
		}
		return this.jdbc.sql("update transfer_request set status_checked_at = ? where id = ? and status_checked_at = ?")
			.params(now, due.requestId(), due.checkedAt())
			.update() == 1;
	}

}
