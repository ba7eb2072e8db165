package org.transferportal.web;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.transferportal.support.Purge;

/**
 * Purges expired HTTP sessions from Spring Session's table (their attributes go with
 * them: {@code on delete cascade}, V2), in place of Spring Session's own job, which would
 * run on every instance.
 */
@Component
class SessionPurge implements Purge {

	private final JdbcClient jdbc;

	SessionPurge(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "expired sessions";
	}

	@Override
	public int purge(Instant now) {
		return this.jdbc.sql("delete from spring_session where expiry_time < ?").param(now.toEpochMilli()).update();
	}

}
