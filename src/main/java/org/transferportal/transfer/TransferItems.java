package org.transferportal.transfer;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import org.transferportal.globus.TransferDocument;

/**
 * The items (source and destination paths) of submitted transfers, one row each in
 * {@code transfer_item}, so that the lab history can search them by path and the task
 * page can say what was asked.
 */
@Repository
class TransferItems {

	/** Rows sent to the database in one batch. */
	private static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	TransferItems(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The items kept for a request, in their order (empty when none were kept). */
	List<TransferDocument.Item> of(String requestId) {
		return this.jdbc.query(
				"select source_path, destination_path, recursive from transfer_item where request_id = ? order by position",
				(rs, row) -> TransferDocument.Item.of(rs.getString("source_path"), rs.getString("destination_path"),
						(Boolean) rs.getObject("recursive", Boolean.class)),
				requestId);
	}

	/** Keeps the items of a request in their order; items already kept are left alone. */
	void insert(String requestId, List<TransferDocument.Item> items) {
		for (int start = 0; start < items.size(); start += BATCH) {
			int first = start;
			int size = Math.min(BATCH, items.size() - start);
			this.jdbc.batchUpdate("""
					insert into transfer_item (request_id, position, source_path, destination_path, recursive)
					values (?, ?, ?, ?, ?) on conflict do nothing""", new BatchPreparedStatementSetter() {

				@Override
				public void setValues(PreparedStatement statement, int i) throws SQLException {
					TransferDocument.Item item = items.get(first + i);
					statement.setString(1, requestId);
					statement.setInt(2, first + i);
					statement.setString(3, item.sourcePath());
					statement.setString(4, item.destinationPath());
					// Null: the request left the type for Transfer to detect.
					statement.setObject(5, item.recursive(), Types.BOOLEAN);
				}

				@Override
				public int getBatchSize() {
					return size;
				}

			});
		}
	}

}
