package org.transferportal.auth;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.transferportal.support.Purge;
import org.transferportal.support.RetentionProperties;

/**
 * Purges consent round trips that are over: used, or expired unused, longer ago than
 * {@code portal.retention.pending-actions}. One still waiting for the user is never
 * touched.
 */
@Component
class PendingActionPurge implements Purge {

	private final JdbcClient jdbc;

	private final RetentionProperties retention;

	PendingActionPurge(JdbcClient jdbc, RetentionProperties retention) {
		this.jdbc = jdbc;
		this.retention = retention;
	}

	@Override
	public String name() {
		return "used and expired pending actions";
	}

	@Override
	public int purge(Instant now) {
		Timestamp before = Timestamp.from(now.minus(this.retention.pendingActions()));
		return this.jdbc.sql("delete from pending_action where used_at < ? or expires_at < ?")
			.params(before, before)
			.update();
	}

}
