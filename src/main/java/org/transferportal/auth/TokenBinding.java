package org.transferportal.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.stereotype.Component;

/**
 * Migration 7.1: re-encrypts the tokens stored before migration 7, bound to their rows
 * (review L8). Only the portal knows the key, so this migration is a bean Spring Boot
 * hands to Flyway; Flyway runs it once, under its lock, however many instances start at
 * the same time. From then on a token stored without its binding is never read.
 */
@Component
class TokenBinding implements JavaMigration {

	private static final Log logger = LogFactory.getLog(TokenBinding.class);

	private record Row(String subject, String resourceServer, String accessToken, String refreshToken) {
	}

	private final TokenCipher cipher;

	TokenBinding(TokenCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("7.1");
	}

	@Override
	public String getDescription() {
		return "bind stored tokens to their rows";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		List<Row> rows = unbound(connection);
		try (PreparedStatement update = connection.prepareStatement("""
				update user_token set access_token = ?, refresh_token = ?, cipher_version = ?
				where subject = ? and resource_server = ? and cipher_version = 1""")) {
			for (Row row : rows) {
				update.setString(1, rebind(row.accessToken(), "access_token", row));
				update.setString(2, rebind(row.refreshToken(), "refresh_token", row));
				update.setInt(3, UserTokenStore.CIPHER_VERSION);
				update.setString(4, row.subject());
				update.setString(5, row.resourceServer());
				update.executeUpdate();
			}
		}
		if (!rows.isEmpty()) {
			logger.info("Bound " + rows.size() + " stored tokens to their rows");
		}
	}

	private static List<Row> unbound(Connection connection) throws SQLException {
		List<Row> rows = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement(
				"select subject, resource_server, access_token, refresh_token from user_token where cipher_version = 1");
				ResultSet rs = select.executeQuery()) {
			while (rs.next()) {
				rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
			}
		}
		return rows;
	}

	private String rebind(String stored, String column, Row row) {
		String plain;
		try {
			plain = this.cipher.decrypt(stored, TokenCipher.UNBOUND);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException(
					"PORTAL_TOKEN_KEY does not decrypt the tokens already in the database: "
							+ "every instance must use the same key (a new key needs the user_token table emptied)",
					ex);
		}
		return this.cipher.encrypt(plain, UserTokenStore.boundTo(column, row.subject(), row.resourceServer()));
	}

}
