package org.transferportal.auth;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tokens the portal no longer keeps but Globus has not confirmed revoked yet: kept
 * encrypted, bound to their row, and tried again with growing pauses until Globus
 * confirms or {@link #GIVE_UP_AFTER} has passed.
 */
@Repository
class TokenRevocations {

	static final String TABLE = "token_revocation";

	/** The longest pause between two attempts. */
	static final Duration MAX_PAUSE = Duration.ofHours(6);

	/**
	 * After this long a revocation is given up (and logged): Globus lets an unused
	 * refresh token expire after about six months, so a Globus that refuses for a month
	 * needs a person to look.
	 */
	static final Duration GIVE_UP_AFTER = Duration.ofDays(30);

	/**
	 * One revocation still to make; {@code token} is {@code null} if it cannot be read.
	 */
	record Due(String id, String resourceServer, String token, String reason, int attempts, Instant createdAt,
			Instant nextAttemptAt) {
	}

	private final JdbcClient jdbc;

	private final TokenCipher cipher;

	TokenRevocations(JdbcClient jdbc, TokenCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	private static byte[] boundTo(String id, String resourceServer) {
		return TokenCipher.associatedData(TABLE, "token", id, resourceServer);
	}

	/**
	 * Keeps a token to revoke, first tried at {@code firstAttempt}.
	 * @param reason why it is revoked, for the logs: {@code logout}, {@code idle}, …
	 */
	void add(String resourceServer, String token, String reason, Instant now, Instant firstAttempt) {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("""
				insert into token_revocation (id, resource_server, token, reason, attempts, created_at, next_attempt_at)
				values (?, ?, ?, ?, 0, ?, ?)""")
			.params(id, resourceServer, this.cipher.encrypt(token, boundTo(id, resourceServer)), reason,
					Timestamp.from(now), Timestamp.from(firstAttempt))
			.update();
	}

	/** Revocations due by now, oldest first, at most {@code limit}. */
	List<Due> due(Instant now, int limit) {
		return this.jdbc.sql("""
				select * from token_revocation where next_attempt_at <= ? order by next_attempt_at limit ?""")
			.params(Timestamp.from(now), limit)
			.query((rs, row) -> {
				String id = rs.getString("id");
				String server = rs.getString("resource_server");
				return new Due(id, server, readable(rs.getString("token"), id, server), rs.getString("reason"),
						rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
						rs.getTimestamp("next_attempt_at").toInstant());
			})
			.list();
	}

	/** The token, or {@code null} if it does not decrypt where it is stored. */
	private String readable(String stored, String id, String resourceServer) {
		try {
			return this.cipher.decrypt(stored, boundTo(id, resourceServer));
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	/**
	 * Takes a due revocation for this instance until {@code until}: of several instances
	 * only the one whose update finds the row unchanged goes on.
	 */
	boolean claim(Due due, Instant until) {
		return this.jdbc.sql("update token_revocation set next_attempt_at = ? where id = ? and next_attempt_at = ?")
			.params(Timestamp.from(until), due.id(), Timestamp.from(due.nextAttemptAt()))
			.update() == 1;
	}

	/** Globus confirmed: forget it. */
	void done(String id) {
		this.jdbc.sql("delete from token_revocation where id = ?").param(id).update();
	}

	/**
	 * Another attempt failed: try again after twice the last pause (a minute first, at
	 * most {@link #MAX_PAUSE}).
	 * @return the time of the next attempt
	 */
	Instant failed(Due due, String error, Instant now) {
		int attempts = due.attempts() + 1;
		Duration pause = Duration.ofMinutes(1L << Math.min(attempts - 1, 20));
		Instant next = now.plus((pause.compareTo(MAX_PAUSE) > 0) ? MAX_PAUSE : pause);
		this.jdbc.sql("update token_revocation set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
			.params(attempts, Timestamp.from(next), truncate(error), due.id())
			.update();
		return next;
	}

	/** How many revocations are waiting. */
	long waiting() {
		return this.jdbc.sql("select count(*) from token_revocation").query(Long.class).single();
	}

	private static String truncate(String error) {
		return (error == null || error.length() <= 255) ? error : error.substring(0, 255);
	}

}
