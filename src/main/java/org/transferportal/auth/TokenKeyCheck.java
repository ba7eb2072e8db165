package org.transferportal.auth;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start an instance whose {@code PORTAL_TOKEN_KEY} cannot read the tokens
 * already stored, rather than fail later on each user's request. (Tokens stored before
 * migration 7 are checked by that migration, {@link TokenBinding}.)
 */
@Component
class TokenKeyCheck implements ApplicationRunner {

	private record Newest(String subject, String resourceServer, String accessToken) {
	}

	private final JdbcClient jdbc;

	private final TokenCipher cipher;

	TokenKeyCheck(JdbcClient jdbc, TokenCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.cipher.ephemeral()) {
			// A key made now reads nothing stored before; nothing to compare it with.
			return;
		}
		this.jdbc.sql("""
				select subject, resource_server, access_token from user_token where cipher_version = ?
				order by updated_at desc limit 1""")
			.param(UserTokenStore.CIPHER_VERSION)
			.query(Newest.class)
			.optional()
			.ifPresent(this::check);
	}

	private void check(Newest newest) {
		try {
			this.cipher.decrypt(newest.accessToken(),
					UserTokenStore.boundTo("access_token", newest.subject(), newest.resourceServer()));
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException(
					"PORTAL_TOKEN_KEY does not decrypt the tokens already in the database: "
							+ "every instance must use the same key (a new key needs the user_token table emptied)",
					ex);
		}
	}

}
