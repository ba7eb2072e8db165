package org.transferportal.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.transferportal.globus.AuthorizationParameters;

/**
 * Pending actions in the database, so that a trip to Globus Auth that leaves from one
 * portal instance can come back to another.
 */
@Repository
class PendingActions {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuthProperties properties;

	private final Clock clock;

	PendingActions(JdbcClient jdbc, AuthProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.json = JsonMapper.builder().build();
		this.properties = properties;
		this.clock = clock;
	}

	PendingAction create(String subject, String kind, String target, AuthorizationParameters parameters) {
		Instant now = this.clock.instant();
		PendingAction action = new PendingAction(UUID.randomUUID().toString(), subject, kind, target, parameters,
				now.plus(this.properties.pendingActionLifetime()));
		this.jdbc.sql("""
				insert into pending_action (id, subject, kind, target, required_scopes, authorization_parameters,
				  created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(action.id(), subject, kind, target, String.join("\n", parameters.requiredScopes()),
					this.json.writeValueAsString(parameters), Timestamp.from(now), Timestamp.from(action.expiresAt()))
			.update();
		return action;
	}

	/** The user's action, while it is unused and unexpired. */
	Optional<PendingAction> find(String id, String subject) {
		return this.jdbc
			.sql("select * from pending_action where id = ? and subject = ? and used_at is null and expires_at > ?")
			.params(id, subject, Timestamp.from(this.clock.instant()))
			.query(this::map)
			.optional();
	}

	/**
	 * Takes the action for use: succeeds once only, even with several instances racing.
	 */
	Optional<PendingAction> consume(String id) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int taken = this.jdbc
			.sql("update pending_action set used_at = ? where id = ? and used_at is null and expires_at > ?")
			.params(now, id, now)
			.update();
		if (taken != 1) {
			return Optional.empty();
		}
		return this.jdbc.sql("select * from pending_action where id = ?").param(id).query(this::map).optional();
	}

	private PendingAction map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		AuthorizationParameters parameters = this.json.readValue(rs.getString("authorization_parameters"),
				AuthorizationParameters.class);
		return new PendingAction(rs.getString("id"), rs.getString("subject"), rs.getString("kind"),
				rs.getString("target"), parameters, rs.getTimestamp("expires_at").toInstant());
	}

}
