package org.transferportal.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dependent scopes each Globus identity consented to through the portal, so that the
 * portal can ask for them again without troubling the user.
 */
@Repository
class ConsentMemory {

	private final JdbcClient jdbc;

	private final Clock clock;

	ConsentMemory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void remember(String subject, Collection<String> scopes) {
		Set<String> known = remembered(subject);
		for (String scope : scopes) {
			if (!known.contains(scope)) {
				try {
					this.jdbc.sql("insert into remembered_consent (subject, scope, granted_at) values (?, ?, ?)")
						.params(subject, scope, Timestamp.from(this.clock.instant()))
						.update();
				}
				catch (DuplicateKeyException ex) {
					// A simultaneous login of the same user remembered it first.
				}
			}
		}
	}

	/** Forgets consents, e.g. ones Globus no longer accepts. */
	void forget(String subject, Collection<String> scopes) {
		scopes.forEach((scope) -> forget(subject, scope));
	}

	Set<String> remembered(String subject) {
		return new HashSet<>(this.jdbc.sql("select scope from remembered_consent where subject = ?")
			.param(subject)
			.query(String.class)
			.list());
	}

	/** What the user consented to, with when, oldest first. */
	java.util.List<Remembered> list(String subject) {
		return this.jdbc
			.sql("select scope, granted_at from remembered_consent where subject = ? order by granted_at, scope")
			.param(subject)
			.query((rs, row) -> new Remembered(rs.getString("scope"), rs.getTimestamp("granted_at").toInstant()))
			.list();
	}

	void forgetAll(String subject) {
		this.jdbc.sql("delete from remembered_consent where subject = ?").param(subject).update();
	}

	/**
	 * One remembered consent.
	 *
	 * @param scope the dependent scope
	 * @param grantedAt when the user consented through the portal
	 */
	record Remembered(String scope, java.time.Instant grantedAt) {
	}

	void forget(String subject, String scope) {
		this.jdbc.sql("delete from remembered_consent where subject = ? and scope = ?").params(subject, scope).update();
	}

}
