package org.transferportal.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users' tokens in the database, each encrypted and bound to its row and column, with
 * when the user last logged in or used the portal.
 */
@Repository
class UserTokenStore {

	private static final Log logger = LogFactory.getLog(UserTokenStore.class);

	/** AES-GCM with the row (subject, resource server) and column as associated data. */
	static final int CIPHER_VERSION = 2;

	static final String TABLE = "user_token";

	private final JdbcClient jdbc;

	private final TokenCipher cipher;

	private final Clock clock;

	UserTokenStore(JdbcClient jdbc, TokenCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	/**
	 * What a token in this column of this row is bound to: copied anywhere else, it does
	 * not decrypt.
	 */
	static byte[] boundTo(String column, String subject, String resourceServer) {
		return TokenCipher.associatedData(TABLE, column, subject, resourceServer);
	}

	/**
	 * Inserts or replaces the user's token for its resource server. Two logins of one
	 * user can race here (two tabs, two instances): whichever writes last wins, and
	 * neither fails. A new row counts as used now; an updated one keeps its last use (a
	 * refresh by the background watcher is no use by the user).
	 */
	void save(StoredToken token) {
		String subject = token.subject();
		String server = token.resourceServer();
		Instant now = this.clock.instant();
		Object[] values = { this.cipher.encrypt(token.accessToken(), boundTo("access_token", subject, server)),
				this.cipher.encrypt(token.refreshToken(), boundTo("refresh_token", subject, server)), CIPHER_VERSION,
				Timestamp.from(token.expiresAt()), token.scope(), String.join("\n", token.dependentScopes()),
				Timestamp.from(now), subject, server };
		for (int attempt = 0; attempt < 3; attempt++) {
			if (update(values) == 1) {
				return;
			}
			try {
				this.jdbc.sql("""
						insert into user_token (access_token, refresh_token, cipher_version, expires_at, scope,
						  dependent_scopes, updated_at, subject, resource_server, last_used_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(withLastUse(values, now)).update();
				return;
			}
			catch (DuplicateKeyException ex) {
				// Another login inserted it first: update that row instead.
			}
		}
		throw new IllegalStateException("Could not store a token for " + server);
	}

	private static Object[] withLastUse(Object[] values, Instant now) {
		Object[] all = Arrays.copyOf(values, values.length + 1);
		all[values.length] = Timestamp.from(now);
		return all;
	}

	private int update(Object[] values) {
		return this.jdbc.sql("""
				update user_token set access_token = ?, refresh_token = ?, cipher_version = ?, expires_at = ?,
				  scope = ?, dependent_scopes = ?, updated_at = ? where subject = ? and resource_server = ?""")
			.params(values)
			.update();
	}

	/** Records that the user logged in or used the portal at this time. */
	void used(String subject, Instant at) {
		this.jdbc.sql("update user_token set last_used_at = ? where subject = ? and last_used_at < ?")
			.params(Timestamp.from(at), subject, Timestamp.from(at))
			.update();
	}

	Optional<StoredToken> find(String subject, String resourceServer) {
		return this.jdbc.sql("select * from user_token where subject = ? and resource_server = ?")
			.params(subject, resourceServer)
			.query(this::map)
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
	}

	List<StoredToken> findAll(String subject) {
		return this.jdbc.sql("select * from user_token where subject = ? order by resource_server")
			.param(subject)
			.query(this::map)
			.list()
			.stream()
			.filter(Objects::nonNull)
			.toList();
	}

	void delete(String subject, String resourceServer) {
		this.jdbc.sql("delete from user_token where subject = ? and resource_server = ?")
			.params(subject, resourceServer)
			.update();
	}

	void deleteAll(String subject) {
		this.jdbc.sql("delete from user_token where subject = ?").param(subject).update();
	}

	/** Users with a token whose last use is before this time, at most {@code limit}. */
	List<String> idleSubjects(Instant before, int limit) {
		return this.jdbc.sql("select distinct subject from user_token where last_used_at < ? order by subject limit ?")
			.params(Timestamp.from(before), limit)
			.query(String.class)
			.list();
	}

	/**
	 * Takes the user's tokens out if their last use is still before this time; call in a
	 * transaction. The rows are locked first, so of two instances sweeping at once only
	 * one gets them, and a login in between keeps them.
	 * @return the tokens taken out (unreadable ones are dropped all the same)
	 */
	List<StoredToken> takeIfIdle(String subject, Instant before) {
		List<StoredToken> idle = this.jdbc
			.sql("select * from user_token where subject = ? and last_used_at < ? for update")
			.params(subject, Timestamp.from(before))
			.query(this::map)
			.list();
		this.jdbc.sql("delete from user_token where subject = ? and last_used_at < ?")
			.params(subject, Timestamp.from(before))
			.update();
		return idle.stream().filter(Objects::nonNull).toList();
	}

	/**
	 * A row's token, or {@code null} when it cannot be read as stored: written by an
	 * older portal after the migration, or moved from another row or column (review L8).
	 * The user is then asked to log in again, which replaces it.
	 */
	private StoredToken map(ResultSet rs, int row) throws SQLException {
		String subject = rs.getString("subject");
		String server = rs.getString("resource_server");
		if (rs.getInt("cipher_version") != CIPHER_VERSION) {
			logger.warn("Ignoring a " + server + " token stored without its binding (cipher version "
					+ rs.getInt("cipher_version") + ")");
			return null;
		}
		String access;
		String refresh;
		try {
			access = this.cipher.decrypt(rs.getString("access_token"), boundTo("access_token", subject, server));
			refresh = this.cipher.decrypt(rs.getString("refresh_token"), boundTo("refresh_token", subject, server));
		}
		catch (IllegalStateException ex) {
			logger.warn("Ignoring a " + server + " token that does not decrypt where it is stored");
			return null;
		}
		String deps = rs.getString("dependent_scopes");
		Set<String> dependentScopes = (deps == null || deps.isEmpty()) ? Set.of()
				: Arrays.stream(deps.split("\n")).collect(Collectors.toSet());
		return new StoredToken(subject, server, access, refresh, rs.getTimestamp("expires_at").toInstant(),
				rs.getString("scope"), dependentScopes);
	}

}
