package org.transferportal.transfer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.transferportal.support.Purge;
import org.transferportal.support.RetentionProperties;

/**
 * Purges transfer requests past their retention ({@code portal.retention.*}): drafts
 * never submitted after {@code open-drafts}; the records of submitted transfers, with
 * their items, after {@code submitted-requests}. A draft whose submission was sent to
 * Globus without an answer (it has a submission id) may be a task at Globus, so it is
 * kept as long as a record.
 */
@Component
class TransferRetention implements Purge {

	/** Requests removed per run at most, so that one run stays short. */
	static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RetentionProperties retention;

	TransferRetention(JdbcClient jdbc, TransactionTemplate transactions, RetentionProperties retention) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.retention = retention;
	}

	@Override
	public String name() {
		return "transfer drafts and records";
	}

	@Override
	public int purge(Instant now) {
		int removed = remove(RequestStatus.OPEN, "submission_id is null and updated_at",
				now.minus(this.retention.openDrafts()));
		if (this.retention.purgesSubmittedRequests()) {
			Instant before = now.minus(this.retention.submittedRequests());
			removed += remove(RequestStatus.SUBMITTED, "submitted_at", before);
			removed += remove(RequestStatus.OPEN, "submission_id is not null and updated_at", before);
		}
		return removed;
	}

	/**
	 * Removes up to a batch of requests in this status whose time is before the given.
	 */
	private int remove(String status, String olderThan, Instant before) {
		List<String> ids = this.jdbc
			.sql("select id from transfer_request where status = ? and " + olderThan + " < ? limit " + BATCH)
			.params(status, Timestamp.from(before))
			.query(String.class)
			.list();
		if (ids.isEmpty()) {
			return 0;
		}
		return this.transactions.execute((transaction) -> {
			this.jdbc.sql("delete from transfer_item where request_id in (:ids)").param("ids", ids).update();
			return this.jdbc.sql("delete from transfer_request where id in (:ids)").param("ids", ids).update();
		});
	}

}
