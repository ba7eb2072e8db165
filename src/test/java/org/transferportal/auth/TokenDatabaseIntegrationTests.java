package org.transferportal.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

import org.transferportal.support.SharedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored tokens and the revocation queue on both databases the portal runs on: tokens
 * bound to their rows (review L8), their last use and idle sweep, and revocations each
 * claimed by one instance (review L6).
 */
class TokenDatabaseIntegrationTests {

	static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	static final String TRANSFER = "transfer.api.globus.org";

	static List<Arguments> databases() {
		return List.of(
				Arguments.of("H2", new DriverManagerDataSource(
						"jdbc:h2:mem:tokens-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "")),
				Arguments.of("PostgreSQL", new DriverManagerDataSource(SharedPostgres.newDatabase(),
						SharedPostgres.username(), SharedPostgres.password())));
	}

	private final TokenCipher cipher = new TokenCipher(
			new AuthProperties(TokenCipherTests.newKey(), null, null, null, true, null, null, null),
			new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/portal"));

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aTokenCopiedIntoAnotherUsersRowIsNotReadAsTheirs(String name, DataSource dataSource) {
		JdbcClient jdbc = migrate(dataSource);
		UserTokenStore store = new UserTokenStore(jdbc, this.cipher, clock(NOW));
		store.save(token("alice", "alice-access", "alice-refresh"));
		store.save(token("bob", "bob-access", "bob-refresh"));

		// Someone who can write to the database, without the key, copies Bob's
		// ciphertexts into Alice's row (review L8).
		jdbc.sql("""
				update user_token set
				  access_token = (select access_token from user_token where subject = 'bob'),
				  refresh_token = (select refresh_token from user_token where subject = 'bob')
				where subject = 'alice'""").update();

		assertThat(store.find("alice", TRANSFER)).isEmpty();
		assertThat(store.findAll("alice")).isEmpty();
		assertThat(store.find("bob", TRANSFER)).get().extracting(StoredToken::accessToken).isEqualTo("bob-access");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aRefreshTokenMovedIntoTheAccessTokenColumnIsNotRead(String name, DataSource dataSource) {
		JdbcClient jdbc = migrate(dataSource);
		UserTokenStore store = new UserTokenStore(jdbc, this.cipher, clock(NOW));
		store.save(token("alice", "alice-access", "alice-refresh"));
		jdbc.sql("update user_token set access_token = refresh_token where subject = 'alice'").update();
		assertThat(store.find("alice", TRANSFER)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aTokenStoredWithoutItsBindingIsNotReadAfterTheMigration(String name, DataSource dataSource) {
		JdbcClient jdbc = migrate(dataSource);
		UserTokenStore store = new UserTokenStore(jdbc, this.cipher, clock(NOW));
		store.save(token("alice", "alice-access", "alice-refresh"));
		// As a portal from before migration 7 would write it, if one were still running.
		jdbc.sql("update user_token set access_token = ?, refresh_token = ?, cipher_version = 1")
			.params(this.cipher.encrypt("old-access", TokenCipher.UNBOUND),
					this.cipher.encrypt("old-refresh", TokenCipher.UNBOUND))
			.update();
		assertThat(store.find("alice", TRANSFER)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void lastUseOnlyMovesForwardAndARefreshIsNoUse(String name, DataSource dataSource) {
		JdbcClient jdbc = migrate(dataSource);
		UserTokenStore store = new UserTokenStore(jdbc, this.cipher, clock(NOW));
		store.save(token("alice", "a1", "r1"));
		assertThat(lastUse(jdbc, "alice")).isEqualTo(NOW);
		store.used("alice", NOW.minusSeconds(60));
		assertThat(lastUse(jdbc, "alice")).isEqualTo(NOW);
		new UserTokenStore(jdbc, this.cipher, clock(NOW.plus(Duration.ofDays(3)))).save(token("alice", "a2", "r1"));
		assertThat(lastUse(jdbc, "alice")).as("a refresh by the background watcher").isEqualTo(NOW);
		store.used("alice", NOW.plus(Duration.ofDays(4)));
		assertThat(lastUse(jdbc, "alice")).isEqualTo(NOW.plus(Duration.ofDays(4)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void theIdleSweepTakesOnlyTokensUnusedSinceTheCutoffAndQueuesThemForRevocation(String name, DataSource dataSource) {
		JdbcClient jdbc = migrate(dataSource);
		Instant monthAgo = NOW.minus(Duration.ofDays(31));
		new UserTokenStore(jdbc, this.cipher, clock(monthAgo)).save(token("idle", "idle-access", "idle-refresh"));
		new UserTokenStore(jdbc, this.cipher, clock(NOW)).save(token("active", "active-access", "active-refresh"));
		TokenRevocations revocations = new TokenRevocations(jdbc, this.cipher);
		IdleTokens sweep = new IdleTokens(new UserTokenStore(jdbc, this.cipher, clock(NOW)), revocations,
				new TransactionTemplate(new JdbcTransactionManager(dataSource)),
				new AuthProperties(null, null, null, null, true, null, null, Duration.ofDays(30)), clock(NOW));

		assertThat(sweep.dropIdle()).isEqualTo(1);

		assertThat(jdbc.sql("select subject from user_token").query(String.class).list()).containsExactly("active");
		assertThat(revocations.due(NOW, 10)).extracting(TokenRevocations.Due::token)
			.containsExactlyInAnyOrder("idle-access", "idle-refresh");
		assertThat(sweep.dropIdle()).as("a second instance sweeping after the first").isZero();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aLoginBetweenFindingAndTakingAnIdleUserKeepsTheirTokens(String name, DataSource dataSource) {
		JdbcClient jdbc = migrate(dataSource);
		Instant monthAgo = NOW.minus(Duration.ofDays(31));
		UserTokenStore store = new UserTokenStore(jdbc, this.cipher, clock(NOW));
		new UserTokenStore(jdbc, this.cipher, clock(monthAgo)).save(token("alice", "a1", "r1"));
		assertThat(store.idleSubjects(NOW.minus(Duration.ofDays(30)), 10)).containsExactly("alice");
		store.used("alice", NOW);
		assertThat(store.takeIfIdle("alice", NOW.minus(Duration.ofDays(30)))).isEmpty();
		assertThat(store.find("alice", TRANSFER)).isPresent();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aDueRevocationIsClaimedByOneInstanceAndPausesGrowAfterEachFailure(String name, DataSource dataSource) {
		JdbcClient jdbc = migrate(dataSource);
		TokenRevocations revocations = new TokenRevocations(jdbc, this.cipher);
		revocations.add(TRANSFER, "refresh-1", "logout", NOW, NOW.plusSeconds(60));
		assertThat(revocations.due(NOW, 10)).isEmpty();
		TokenRevocations.Due due = revocations.due(NOW.plusSeconds(60), 10).get(0);
		assertThat(due.token()).isEqualTo("refresh-1");

		assertThat(revocations.claim(due, NOW.plusSeconds(360))).isTrue();
		assertThat(revocations.claim(due, NOW.plusSeconds(360))).as("another instance, same round").isFalse();
		Instant first = revocations.failed(due, "503 ServiceUnavailable", NOW.plusSeconds(60));
		TokenRevocations.Due again = revocations.due(first, 10).get(0);
		Instant second = revocations.failed(again, "503 ServiceUnavailable", first);
		assertThat(Duration.between(first, second)).isEqualTo(Duration.ofMinutes(2));
		TokenRevocations.Due late = revocations.due(second, 10).get(0);
		for (int i = 0; i < 20; i++) {
			late = new TokenRevocations.Due(late.id(), late.resourceServer(), late.token(), late.reason(),
					late.attempts() + 1, late.createdAt(), late.nextAttemptAt());
		}
		assertThat(Duration.between(second, revocations.failed(late, "503", second)))
			.isEqualTo(TokenRevocations.MAX_PAUSE);
		revocations.done(due.id());
		assertThat(revocations.waiting()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aQueuedTokenCopiedToAnotherRowIsNotRead(String name, DataSource dataSource) {
		JdbcClient jdbc = migrate(dataSource);
		TokenRevocations revocations = new TokenRevocations(jdbc, this.cipher);
		revocations.add(TRANSFER, "first", "logout", NOW, NOW);
		revocations.add(TRANSFER, "second", "logout", NOW, NOW);
		jdbc.sql("update token_revocation set token = (select min(token) from token_revocation)").update();
		assertThat(revocations.due(NOW, 10)).extracting(TokenRevocations.Due::token)
			.containsOnlyOnce((String) null)
			.hasSize(2);
	}

	private static StoredToken token(String subject, String access, String refresh) {
		return new StoredToken(subject, TRANSFER, access, refresh, NOW.plusSeconds(3600),
				"urn:globus:auth:scope:transfer.api.globus.org:all", Set.of());
	}

	private static Instant lastUse(JdbcClient jdbc, String subject) {
		return jdbc.sql("select last_used_at from user_token where subject = ?")
			.param(subject)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	private static Clock clock(Instant at) {
		return Clock.fixed(at, ZoneOffset.UTC);
	}

	private static JdbcClient migrate(DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return JdbcClient.create(dataSource);
	}

}
