package org.transferportal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import org.transferportal.support.SharedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flyway migrations on both databases the portal runs on: embedded H2 in PostgreSQL
 * mode and a real PostgreSQL.
 */
class MigrationIntegrationTests {

	static List<Arguments> databases() {
		return List.of(
				Arguments.of("H2", new DriverManagerDataSource(
						"jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "")),
				Arguments.of("PostgreSQL", new DriverManagerDataSource(SharedPostgres.newDatabase(),
						SharedPostgres.username(), SharedPostgres.password())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void migrationsRunOnceAndALaterInstanceFindsThemDone(String name, DataSource dataSource) {
		MigrateResult first = flyway(dataSource).migrate();
		assertThat(first.success).isTrue();
		assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(2);
		MigrateResult second = flyway(dataSource).migrate();
		assertThat(second.migrationsExecuted).as("a later instance has nothing to do").isZero();
		flyway(dataSource).validate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		for (String table : List.of("user_token", "remembered_consent", "pending_action", "transfer_request",
				"transfer_preset", "spring_session", "spring_session_attributes")) {
			assertThat(jdbc.queryForObject("select count(*) from " + table, Integer.class)).as(table).isZero();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void springSessionKeepsSessionsInTheMigratedTables(String name, DataSource dataSource) {
		flyway(dataSource).migrate();
		JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				new TransactionTemplate(new JdbcTransactionManager(dataSource)));
		Session session = sessions.createSession();
		session.setAttribute("when", Instant.parse("2026-01-02T03:04:05Z"));
		session.setAttribute(JdbcIndexedSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "alice");
		save(sessions, session);
		Session loaded = sessions.findById(session.getId());
		assertThat(loaded).isNotNull();
		assertThat((Instant) loaded.getAttribute("when")).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
		assertThat(sessions.findByPrincipalName("alice")).containsKey(session.getId());
		sessions.deleteById(session.getId());
		assertThat(sessions.findById(session.getId())).isNull();
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void save(SessionRepository repository, Session session) {
		repository.save(session);
	}

	private static Flyway flyway(DataSource dataSource) {
		return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
	}

}
