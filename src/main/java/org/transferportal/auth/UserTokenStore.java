package org.transferportal.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

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

	@Transactional
	void save(StoredToken token) {
		this.jdbc.sql("delete from user_token where subject = ? and resource_server = ?")
			.params(token.subject(), token.resourceServer())
			.update();
		this.jdbc.sql("""
				insert into user_token (subject, resource_server, access_token, refresh_token, expires_at, scope,
				  dependent_scopes, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(token.subject(), token.resourceServer(), this.cipher.encrypt(token.accessToken()),
					this.cipher.encrypt(token.refreshToken()), Timestamp.from(token.expiresAt()), token.scope(),
					String.join("\n", token.dependentScopes()), Timestamp.from(Instant.now()))
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
