package org.transferportal.audit;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The daily roll-up the usage pages read ({@code usage_daily}): one row per UTC day,
 * user, kind, pair of collections and outcome, added to once per finished task.
 */
@Repository
class UsageRollup {

	/** One finished task's place in the roll-up and what it moved. */
	record Entry(LocalDate day, String subject, String username, String taskType, String sourceCollection,
			String destinationCollection, String status, String failureKind, long bytes, long files) {
	}

	private final JdbcClient jdbc;

	UsageRollup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds one task. Safe when several instances add to the same row at once: the row is
	 * made if missing, then incremented in place (no read-modify-write).
	 */
	void add(Entry entry) {
		Object[] key = { entry.day(), entry.subject(), blank(entry.taskType()), blank(entry.sourceCollection()),
				blank(entry.destinationCollection()), entry.status(), blank(entry.failureKind()) };
		this.jdbc.sql("""
				insert into usage_daily (day_utc, subject, task_type, source_collection, destination_collection, status,
				  failure_kind, username, tasks, bytes, files) values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)
				on conflict do nothing""").params(append(key, blank(entry.username()))).update();
		this.jdbc.sql("""
				update usage_daily set tasks = tasks + 1, bytes = bytes + ?, files = files + ?, username = ?
				  where day_utc = ? and subject = ? and task_type = ? and source_collection = ?
				    and destination_collection = ? and status = ? and failure_kind = ?""")
			.params(prepend(key, entry.bytes(), entry.files(), blank(entry.username())))
			.update();
	}

	private static String blank(String value) {
		return (value != null) ? value : "";
	}

	private static Object[] append(Object[] values, Object last) {
		Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
		all[values.length] = last;
		return all;
	}

	private static Object[] prepend(Object[] values, Object... first) {
		Object[] all = new Object[first.length + values.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(values, 0, all, first.length, values.length);
		return all;
	}

}
