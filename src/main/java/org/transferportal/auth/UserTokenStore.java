package org.transferportal.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users' tokens in the database, encrypted.
 */
@Repository
class UserTokenStore {

	private final JdbcClient jdbc;

	private final TokenCipher cipher;

	UserTokenStore(JdbcClient jdbc, TokenCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/**
	 * Inserts or replaces the user's token for its resource server. Two logins of one
	 * user can race here (two tabs, two instances): whichever writes last wins, and
	 * neither fails.
	 */
	void save(StoredToken token) {
		Object[] values = { this.cipher.encrypt(token.accessToken()), this.cipher.encrypt(token.refreshToken()),
				Timestamp.from(token.expiresAt()), token.scope(), String.join("\n", token.dependentScopes()),
				Timestamp.from(Instant.now()), token.subject(), token.resourceServer() };
		for (int attempt = 0; attempt < 3; attempt++) {
			if (update(values) == 1) {
				return;
			}
			try {
				this.jdbc.sql("""
						insert into user_token (access_token, refresh_token, expires_at, scope, dependent_scopes,
						  updated_at, subject, resource_server) values (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(values)
					.update();
				return;
			}
			catch (DuplicateKeyException ex) {
				// Another login inserted it first: update that row instead.
			}
		}
		throw new IllegalStateException("Could not store a token for " + token.resourceServer());
	}

	private int update(Object[] values) {
		return this.jdbc.sql("""
				update user_token set access_token = ?, refresh_token = ?, expires_at = ?, scope = ?,
				  dependent_scopes = ?, updated_at = ? where subject = ? and resource_server = ?""")
			.params(values)
			.update();
	}

	Optional<StoredToken> find(String subject, String resourceServer) {
		return this.jdbc.sql("select * from user_token where subject = ? and resource_server = ?")
			.params(subject, resourceServer)
			.query(this::map)
			.optional();
	}

	List<StoredToken> findAll(String subject) {
		return this.jdbc.sql("select * from user_token where subject = ? order by resource_server")
			.param(subject)
			.query(this::map)
			.list();
	}

	void delete(String subject, String resourceServer) {
		this.jdbc.sql("delete from user_token where subject = ? and resource_server = ?")
			.params(subject, resourceServer)
			.update();
	}

	void deleteAll(String subject) {
		this.jdbc.sql("delete from user_token where subject = ?").param(subject).update();
	}

	private StoredToken map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String deps = rs.getString("dependent_scopes");
		Set<String> dependentScopes = (deps == null || deps.isEmpty()) ? Set.of()
				: Arrays.stream(deps.split("\n")).collect(Collectors.toSet());
		return new StoredToken(rs.getString("subject"), rs.getString("resource_server"),
				this.cipher.decrypt(rs.getString("access_token")), this.cipher.decrypt(rs.getString("refresh_token")),
				rs.getTimestamp("expires_at").toInstant(), rs.getString("scope"), dependentScopes);
	}

}
