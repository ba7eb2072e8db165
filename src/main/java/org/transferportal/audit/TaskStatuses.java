package org.transferportal.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.transferportal.tasks.TaskStatusesSeen;
import org.transferportal.transfer.RequestStatus;

/**
 * What the portal last saw of its submissions' tasks at Globus: their status and when.
 * The lab audit shows it; the refresh keeps unfinished tasks current.
 */
@Component
public class TaskStatuses {

	/** Statuses after which a task never changes. */
	static final List<String> FINAL = List.of("SUCCEEDED", "FAILED");

	/** A submitted task whose status is due for a check. */
	record Due(String requestId, String subject, String taskId, Timestamp checkedAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	TaskStatuses(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Notes what the owner's pages just read from Globus: one task (a task page) or a
	 * page of them (the activity list).
	 */
	@EventListener
	void onStatusesSeen(TaskStatusesSeen seen) {
		if (seen.statusByTask().size() == 1) {
			seen.statusByTask().forEach((taskId, status) -> seen(seen.subject(), taskId, status));
		}
		else if (!seen.statusByTask().isEmpty()) {
			seenAll(seen.subject(), seen.statusByTask());
		}
	}

	/**
	 * Records a status Globus just gave the user for one of their tasks; tasks of other
	 * users (or not submitted through the portal) are left alone.
	 */
	void seen(String subject, String taskId, String status) {
		if (subject == null || taskId == null || status == null || status.length() > 16) {
			return;
		}
		this.jdbc.sql("""
				update transfer_request set task_status = ?, status_checked_at = ?
				  where subject = ? and task_id = ? and status = ?""")
			.params(status, Timestamp.from(this.clock.instant()), subject, taskId, RequestStatus.SUBMITTED)
			.update();
	}

	/**
	 * Records the statuses of a page of the user's tasks (the activity list) at once: one
	 * statement per status rather than one per task.
	 */
	void seenAll(String subject, Map<String, String> statusByTask) {
		Map<String, List<String>> tasksByStatus = statusByTask.entrySet()
			.stream()
			.filter((entry) -> entry.getKey() != null && entry.getValue() != null && entry.getValue().length() <= 16)
			.collect(Collectors.groupingBy(Map.Entry::getValue,
					Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
		Timestamp now = Timestamp.from(this.clock.instant());
		tasksByStatus.forEach((status, taskIds) -> this.jdbc.sql("""
				update transfer_request set task_status = :status, status_checked_at = :now
				  where subject = :subject and task_id in (:tasks) and status = :submitted""")
			.param("status", status)
			.param("now", now)
			.param("subject", subject)
			.param("tasks", taskIds)
			.param("submitted", RequestStatus.SUBMITTED)
			.update());
	}

	/** Unfinished tasks not checked since {@code before}, oldest check first. */
	List<Due> due(Instant before, Instant submittedSince, int limit) {
		return this.jdbc.sql("""
				select id, subject, task_id, status_checked_at from transfer_request
				  where status = ? and task_id is not null and submitted_at >= ?
				    and (task_status is null or task_status not in (?, ?))
				    and (status_checked_at is null or status_checked_at < ?)
				  order by status_checked_at nulls first, submitted_at limit ?""")
			.params(RequestStatus.SUBMITTED, Timestamp.from(submittedSince), FINAL.get(0), FINAL.get(1),
					Timestamp.from(before), limit)
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
