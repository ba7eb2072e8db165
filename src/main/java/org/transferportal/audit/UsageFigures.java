package org.transferportal.audit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the usage roll-up: sums for a period of UTC days, for everyone or one user, by
 * day, user, collection and failure kind. Weeks are made from days in Java, so that ISO
 * weeks mean the same on every database.
 */
@Repository
class UsageFigures {

	/** Which part of the roll-up to read. */
	record Scope(LocalDate from, LocalDate to, String subject) {
	}

	/** Sums for one day (or one collection's direction on one day). */
	record Day(LocalDate day, long tasks, long succeeded, long bytes, long files) {
	}

	/** Sums for one user. */
	record User(String subject, String username, long tasks, long succeeded, long bytes, long files) {
	}

	/** Sums for one collection as source ({@code out}) or destination ({@code in}). */
	record Side(String collection, long tasks, long bytes, long files) {
	}

	/** Failed tasks of one kind. */
	record Failure(String kind, long tasks) {
	}

	private static final String SUMS = """
			sum(tasks) as tasks, sum(case when status = 'SUCCEEDED' then tasks else 0 end) as succeeded,
			sum(bytes) as bytes, sum(files) as files""";

	private final JdbcClient jdbc;

	UsageFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Day> byDay(Scope scope) {
		return byDay(scope, null, null);
	}

	/**
	 * By day; {@code column} ({@code source_collection} or
	 * {@code destination_collection}) and {@code collection}, when given, keep one
	 * collection's traffic out or in.
	 */
	List<Day> byDay(Scope scope, String column, String collection) {
		List<Object> params = new ArrayList<>();
		String where = where(scope, params);
		if (column != null) {
			where += " and " + column(column) + " = ?";
			params.add(collection);
		}
		return this.jdbc
			.sql("select day_utc, " + SUMS + " from usage_daily where " + where + " group by day_utc order by day_utc")
			.params(params)
			.query((rs, row) -> new Day(rs.getObject("day_utc", LocalDate.class), rs.getLong("tasks"),
					rs.getLong("succeeded"), rs.getLong("bytes"), rs.getLong("files")))
			.list();
	}

	/** By user, most bytes first. */
	List<User> byUser(Scope scope) {
		List<Object> params = new ArrayList<>();
		String where = where(scope, params);
		return this.jdbc
			.sql("select subject, max(username) as username, " + SUMS + " from usage_daily where " + where
					+ " group by subject order by bytes desc, subject")
			.params(params)
			.query((rs, row) -> new User(rs.getString("subject"), rs.getString("username"), rs.getLong("tasks"),
					rs.getLong("succeeded"), rs.getLong("bytes"), rs.getLong("files")))
			.list();
	}

	/**
	 * By collection on one side of the transfers: {@code source_collection} (traffic out)
	 * or {@code destination_collection} (traffic in).
	 */
	List<Side> byCollection(Scope scope, String column) {
		List<Object> params = new ArrayList<>();
		String where = where(scope, params);
		String side = column(column);
		return this.jdbc
			.sql("select " + side + " as collection, " + SUMS + " from usage_daily where " + where + " and " + side
					+ " <> '' group by " + side)
			.params(params)
			.query((rs, row) -> new Side(rs.getString("collection"), rs.getLong("tasks"), rs.getLong("bytes"),
					rs.getLong("files")))
			.list();
	}

	/** Failed tasks by kind, most common first. */
	List<Failure> failures(Scope scope) {
		List<Object> params = new ArrayList<>();
		String where = where(scope, params);
		return this.jdbc
			.sql("select failure_kind, sum(tasks) as tasks from usage_daily where " + where
					+ " and status = 'FAILED' group by failure_kind order by tasks desc, failure_kind")
			.params(params)
			.query((rs, row) -> new Failure(rs.getString("failure_kind"), rs.getLong("tasks")))
			.list();
	}

	/** Usernames in the roll-up, for the history's user field. */
	List<String> usernames(int limit) {
		return this.jdbc.sql("select distinct username from usage_daily where username <> '' order by username limit ?")
			.param(limit)
			.query(String.class)
			.list();
	}

	/** The period and whose figures; only transfers: a delete moves nothing. */
	private static String where(Scope scope, List<Object> params) {
		params.add(Date.valueOf(scope.from()));
		params.add(Date.valueOf(scope.to()));
		if (scope.subject() == null) {
			return "day_utc between ? and ? and task_type = 'TRANSFER'";
		}
		params.add(scope.subject());
		return "day_utc between ? and ? and task_type = 'TRANSFER' and subject = ?";
	}

	/** Only the two column names the callers use reach the SQL. */
	private static String column(String column) {
		if (!"source_collection".equals(column) && !"destination_collection".equals(column)) {
			throw new IllegalArgumentException("Not a collection column: " + column);
		}
		return column;
	}

}
