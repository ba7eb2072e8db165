package org.transferportal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.transferportal.transfer.RequestStatus;

/**
 * Searches the submitted transfers ({@code transfer_request} and its
 * {@code transfer_item}s) for the lab history: newest first, a page at a time.
 */
@Repository
class HistorySearch {

	/** One submitted transfer with what the portal learned of its task. */
	record Row(String id, Instant submittedAt, String subject, String username, String label, String taskType,
			String sourceCollection, String destinationCollection, String taskId, String taskStatus, Long bytes,
			Long files, Long filesSkipped, Long subtasksFailed, Long skippedErrors, String failureKind,
			Instant completedAt, Long durationSeconds) {
	}

	/** One item (path pair) of a transfer. */
	record Item(String sourcePath, String destinationPath, Boolean recursive) {
	}

	/**
	 * A transfer's items: how many, and the one to show (the first, or the first match).
	 */
	record Items(int count, Item shown) {
	}

	/**
	 * Up to this many matches of a search text, the search starts from the matches;
	 * beyond, from the newest transfers (see {@link #find}).
	 */
	static final int FEW = 10_000;

	/**
	 * Requests whose label or any item's path matches a pattern: a union of lookups each
	 * index can serve (trigram indexes on PostgreSQL), not an OR across tables.
	 */
	private static final String MATCHES = """
			select l.id from transfer_request l where lower(l.label) like ? escape '\\'
			union all select i.request_id from transfer_item i
			where lower(i.source_path) like ? escape '\\' or lower(i.destination_path) like ? escape '\\'""";

	private final JdbcClient jdbc;

	private final int few;

	@Autowired
	HistorySearch(JdbcClient jdbc) {
		this(jdbc, FEW);
	}

	/** With another threshold between few and many matches (tests take both ways). */
	HistorySearch(JdbcClient jdbc, int few) {
		this.jdbc = jdbc;
		this.few = few;
	}

	/**
	 * Transfers matching the filter, newest submission first.
	 * @param subject only this user's transfers, or {@code null} for everyone's
	 */
	List<Row> find(HistoryFilter filter, String subject, int limit, int offset) {
		StringBuilder sql = new StringBuilder("""
				select r.id, r.submitted_at, r.subject, r.username, r.label, r.task_type, r.source_collection,
				  r.destination_collection, r.task_id, r.task_status, r.bytes_transferred, r.files_transferred,
				  r.files_skipped, r.subtasks_failed, r.skipped_errors, r.failure_kind, r.completed_at,
				  r.duration_seconds
				from transfer_request r where r.status = ?""");
		List<Object> params = new ArrayList<>(List.of(RequestStatus.SUBMITTED));
		if (subject != null) {
			sql.append(" and r.subject = ?");
			params.add(subject);
		}
		if (filter.user() != null) {
			sql.append(" and lower(r.username) like ? escape '\\'");
			params.add(contains(filter.user()));
		}
		if (filter.collection() != null) {
			sql.append(" and (r.source_collection = ? or r.destination_collection = ?)");
			params.add(filter.collection());
			params.add(filter.collection());
		}
		if (HistoryQuery.NOT_SEEN.equals(filter.status())) {
			sql.append(" and r.task_status is null");
		}
		else if (filter.status() != null) {
			sql.append(" and r.task_status = ?");
			params.add(filter.status());
		}
		if (filter.from() != null) {
			sql.append(" and r.submitted_at >= ?");
			params.add(Timestamp.from(filter.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
		}
		if (filter.to() != null) {
			sql.append(" and r.submitted_at < ?");
			params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
		}
		if (filter.text() != null) {
			String pattern = contains(filter.text());
			if (matchesAtMost(pattern, this.few)) {
				// Few matches: find them through the (trigram) indexes, then sort them.
				sql.append(" and r.id in (" + MATCHES + ")");
			}
			else {
				// Many: walk the newest transfers and keep those that match, which stops
				// after a page instead of gathering every match first.
				sql.append(
						"""
								and (lower(r.label) like ? escape '\\' or exists (select 1 from transfer_item i
								where i.request_id = r.id
								and (lower(i.source_path) like ? escape '\\' or lower(i.destination_path) like ? escape '\\')))"""
							.indent(1));
			}
			params.add(pattern);
			params.add(pattern);
			params.add(pattern);
		}
		sql.append(" order by r.submitted_at desc, r.id desc limit ? offset ?");
		params.add(limit);
		params.add(offset);
		return this.jdbc.sql(sql.toString()).params(params).query(HistorySearch::row).list();
	}

	/** Whether at most {@code limit} labels and paths match (counted up to one more). */
	private boolean matchesAtMost(String pattern, int limit) {
		return this.jdbc.sql("select count(*) from (" + MATCHES + " limit ?) m")
			.params(pattern, pattern, pattern, limit + 1)
			.query(Long.class)
			.single() <= limit;
	}

	/**
	 * The items of these transfers: their number, and which one to show — the first whose
	 * path holds {@code text} (lower case) if given, else the first.
	 */
	Map<String, Items> items(List<String> requestIds, String text) {
		if (requestIds.isEmpty()) {
			return Map.of();
		}
		String match = (text != null)
				? "min(case when lower(source_path) like :text escape '\\' or lower(destination_path) like :text escape '\\' then position end)"
				: "cast(null as integer)";
		Map<String, int[]> counts = new HashMap<>();
		this.jdbc
			.sql("select request_id, count(*) as items, " + match + " as matched from transfer_item"
					+ " where request_id in (:ids) group by request_id")
			.param("ids", requestIds)
			.param("text", (text != null) ? contains(text) : "")
			.query((rs) -> {
				int matched = rs.getInt("matched");
				counts.put(rs.getString("request_id"), new int[] { rs.getInt("items"), rs.wasNull() ? 0 : matched });
			});
		Map<String, Items> items = new HashMap<>();
		counts.forEach((id, count) -> this.jdbc.sql("""
				select source_path, destination_path, recursive from transfer_item
				  where request_id = ? and position = ?""")
			.params(id, count[1])
			.query((rs, row) -> new Item(rs.getString("source_path"), rs.getString("destination_path"),
					rs.getObject("recursive", Boolean.class)))
			.optional()
			.ifPresent((item) -> items.put(id, new Items(count[0], item))));
		return items;
	}

	/** A LIKE pattern finding the text anywhere, its wildcards taken literally. */
	static String contains(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getString("id"), instant(rs.getTimestamp("submitted_at")), rs.getString("subject"),
				rs.getString("username"), rs.getString("label"), rs.getString("task_type"),
				rs.getString("source_collection"), rs.getString("destination_collection"), rs.getString("task_id"),
				rs.getString("task_status"), number(rs, "bytes_transferred"), number(rs, "files_transferred"),
				number(rs, "files_skipped"), number(rs, "subtasks_failed"), number(rs, "skipped_errors"),
				rs.getString("failure_kind"), instant(rs.getTimestamp("completed_at")), number(rs, "duration_seconds"));
	}

	private static Long number(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
