package org.transferportal.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

import org.transferportal.support.PortalInstance;
import org.transferportal.support.SharedPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tokens stored before migration 7 are re-encrypted bound to their rows by migration 7.1,
 * once, when several instances start at the same time on one PostgreSQL; an instance with
 * another key refuses to start and changes nothing (review L8).
 */
class TokenBindingMigrationIntegrationTests {

	private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniRq83vEjRWeJA=";

	private static final String OTHER_KEY = "AAAAEjRWeJCrze8SNFZ4kKvN7xI0VniRq83vEjRWeJA=";

	private static final String TRANSFER = "transfer.api.globus.org";

	private static final int USERS = 200;

	@Test
	void twoInstancesStartingAtOnceBindEveryOldTokenExactlyOnce() throws Exception {
		String database = databaseWithUnboundTokens();
		List<PortalInstance> instances = new ArrayList<>();
		ExecutorService starting = Executors.newFixedThreadPool(2);
		try {
			List<Future<PortalInstance>> started = List.of(
					starting.submit(() -> PortalInstance.start(database, KEY, Map.of())),
					starting.submit(() -> PortalInstance.start(database, KEY, Map.of())));
			for (Future<PortalInstance> instance : started) {
				instances.add(instance.get());
			}
			JdbcClient jdbc = instances.get(0).jdbc();
			assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '7.1' and success")
				.query(Integer.class)
				.single()).isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from user_token where cipher_version = ?")
				.param(UserTokenStore.CIPHER_VERSION)
				.query(Integer.class)
				.single()).isEqualTo(USERS);
			for (PortalInstance instance : instances) {
				UserTokenStore store = instance.context().getBean(UserTokenStore.class);
				for (int i = 0; i < USERS; i += 37) {
					StoredToken token = store.find("user-" + i, TRANSFER).orElseThrow();
					assertThat(token.accessToken()).isEqualTo("access-" + i);
					assertThat(token.refreshToken()).isEqualTo("refresh-" + i);
				}
			}
		}
		finally {
			starting.shutdown();
			instances.forEach(PortalInstance::close);
		}
	}

	@Test
	void anInstanceWithAnotherKeyRefusesToStartAndLeavesTheTokensAsTheyWere() {
		String database = databaseWithUnboundTokens();
		assertThatThrownBy(() -> PortalInstance.start(database, OTHER_KEY, Map.of()).close())
			.hasStackTraceContaining("PORTAL_TOKEN_KEY does not decrypt the tokens already in the database");
		JdbcClient jdbc = JdbcClient.create(dataSource(database));
		assertThat(jdbc.sql("select count(*) from user_token where cipher_version = 1").query(Integer.class).single())
			.isEqualTo(USERS);
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '7.1'")
			.query(Integer.class)
			.single()).isZero();
	}

	/**
	 * A database as a portal before migration 7.1 left it: schema up to 7, tokens
	 * encrypted without associated data.
	 */
	private static String databaseWithUnboundTokens() {
		String database = SharedPostgres.newDatabase();
		DriverManagerDataSource dataSource = dataSource(database);
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/vendor/postgresql")
			.target("7")
			.load()
			.migrate();
		TokenCipher old = new TokenCipher(new AuthProperties(KEY, null, null, null, true, null, null, null),
				new MockEnvironment().withProperty("spring.datasource.url", database));
		JdbcClient jdbc = JdbcClient.create(dataSource);
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < USERS; i++) {
			jdbc.sql("""
					insert into user_token (subject, resource_server, access_token, refresh_token, expires_at, scope,
					  dependent_scopes, updated_at, last_used_at) values (?, ?, ?, ?, ?, ?, '', ?, ?)""")
				.params("user-" + i, TRANSFER, old.encrypt("access-" + i, TokenCipher.UNBOUND),
						old.encrypt("refresh-" + i, TokenCipher.UNBOUND),
						Timestamp.from(Instant.now().plusSeconds(3600)),
						"urn:globus:auth:scope:transfer.api.globus.org:all", now, now)
				.update();
		}
		return database;
	}

	private static DriverManagerDataSource dataSource(String database) {
		return new DriverManagerDataSource(database, SharedPostgres.username(), SharedPostgres.password());
	}

}
