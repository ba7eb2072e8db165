package org.transferportal.https;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of downloads, previews and uploads, in the database so that every instance
 * writes to and the audit reads from one place.
 */
@Repository
public class FileAccessLog {

	/** The most rows the audit shows at once. */
	public static final int PAGE_LIMIT = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	FileAccessLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The moment an access starts, for its record. */
	Instant now() {
		return this.clock.instant();
	}

	void record(Instant at, String subject, String username, String kind, FileRef file, long bytes, Long size,
			String outcome, String detail) {
		String shortDetail = (detail != null && detail.length() > 500) ? detail.substring(0, 500) : detail;
		this.jdbc.sql("""
				insert into file_access (id, accessed_at, subject, username, kind, collection_id, path, bytes,
				  file_size, outcome, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID().toString(), Timestamp.from(at), subject, username, kind,
					file.collection().toString(), file.path(), bytes, size, outcome, shortDetail)
			.update();
	}

	/**
	 * The newest records, newest first.
	 * @param subject only this identity's, or everyone's when {@code null} (admins)
	 * @param username only records of a username containing this text (any case), or all
	 * when blank
	 */
	public List<FileAccess> newest(String subject, String username) {
		String like = "%" + ((username != null)
				? username.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") : "")
				+ "%";
		String owner = (subject != null) ? "subject = ? and " : "";
		Object[] params = (subject != null) ? new Object[] { subject, like, PAGE_LIMIT }
				: new Object[] { like, PAGE_LIMIT };
		return this.jdbc
			.sql("select * from file_access where " + owner + "lower(coalesce(username, '')) like ? escape '\\' "
					+ "order by accessed_at desc limit ?")
			.params(params)
			.query(FileAccessLog::map)
			.list();
	}

	private static FileAccess map(ResultSet rs, int row) throws SQLException {
		long size = rs.getLong("file_size");
		return new FileAccess(rs.getTimestamp("accessed_at").toInstant(), rs.getString("username"),
				rs.getString("kind"), rs.getString("collection_id"), rs.getString("path"), rs.getLong("bytes"),
				rs.wasNull() ? null : size, rs.getString("outcome"), rs.getString("detail"));
	}

}
