package org.transferportal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The submission records of {@code transfer_request}, read for the lab audit: the
 * requests Globus accepted, transfers and deletes, schedules made at Globus Timers and
 * their runs' tasks. Drafts, however many a member opens, are not records.
 */
@Repository
public class SubmissionRecords {

	private final JdbcClient jdbc;

	SubmissionRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records matching the filter, newest first.
	 * @param subject only this user's records, or {@code null} for everyone's (admins)
	 * @param limit the most records to read
	 */
	public List<SubmissionRecord> find(SubmissionFilter query, String subject, int limit) {
		StringBuilder sql = new StringBuilder("""
				select id, coalesce(submitted_at, updated_at) as happened, username, subject, label,
				  source_collection, destination_collection, task_id, submission_id, status, consent_trips, message,
				  task_status, status_checked_at, task_type, schedule_id
				from transfer_request where (status = 'SUBMITTED' or schedule_id is not null)""");
		List<Object> params = new ArrayList<>();
		if (subject != null) {
			sql.append(" and subject = ?");
			params.add(subject);
		}
		if (query.user() != null) {
			sql.append(" and lower(username) like ? escape '\\'");
			params.add("%" + query.user().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (query.collection() != null) {
			sql.append(" and (source_collection = ? or destination_collection = ?)");
			params.add(query.collection());
			params.add(query.collection());
		}
		if (query.from() != null) {
			sql.append(" and coalesce(submitted_at, updated_at) >= ?");
			params.add(Timestamp.from(query.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
		}
		if (query.to() != null) {
			sql.append(" and coalesce(submitted_at, updated_at) < ?");
			params.add(Timestamp.from(query.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
		}
		sql.append(" order by happened desc, id limit ").append(Math.max(0, limit));
		return this.jdbc.sql(sql.toString()).params(params).query(SubmissionRecords::map).list();
	}

	/**
	 * The user's newest submitted transfers (those Globus accepted; not deletes), newest
	 * first.
	 */
	public List<SubmissionRecord> recent(String subject, int limit) {
		return this.jdbc.sql("""
				select id, submitted_at as happened, username, subject, label, source_collection,
				  destination_collection, task_id, submission_id, status, consent_trips, message, task_status,
				  status_checked_at, task_type, schedule_id
				from transfer_request where subject = ? and status = 'SUBMITTED' and submitted_at is not null
				  and task_type = 'TRANSFER'
				order by submitted_at desc, id limit ?""")
			.params(subject, Math.max(0, limit))
			.query(SubmissionRecords::map)
			.list();
	}

	private static SubmissionRecord map(ResultSet rs, int row) throws SQLException {
		return new SubmissionRecord(rs.getString("id"), rs.getTimestamp("happened").toInstant(),
				rs.getString("username"), rs.getString("subject"), rs.getString("label"),
				rs.getString("source_collection"), rs.getString("destination_collection"), rs.getString("task_id"),
				rs.getString("submission_id"), rs.getString("status"), rs.getInt("consent_trips"),
				rs.getString("message"), rs.getString("task_status"), instant(rs.getTimestamp("status_checked_at")),
				rs.getString("task_type"), rs.getString("schedule_id"));
	}

	private static java.time.Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
