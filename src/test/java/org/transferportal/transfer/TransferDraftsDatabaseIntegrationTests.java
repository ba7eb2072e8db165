package org.transferportal.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

import org.transferportal.support.SharedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements a submit click saves (README, Benchmarks): the draft a post makes is the
 * row as the database keeps it, without reading it back, and the first submission id kept
 * wins without a second read when it is this call's.
 */
class TransferDraftsDatabaseIntegrationTests {

	// Nanoseconds on purpose: the database keeps microseconds.
	private static final Instant NOW = Instant.parse("2026-11-30T10:15:30.123456789Z");

	static Stream<Arguments> databases() {
		return Stream.of(
				Arguments.of("H2", new DriverManagerDataSource(
						"jdbc:h2:mem:drafts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "")),
				Arguments.of("PostgreSQL", new DriverManagerDataSource(SharedPostgres.newDatabase(),
						SharedPostgres.username(), SharedPostgres.password())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void theDraftAPostMakesIsTheRowTheDatabaseKeeps(String name, DataSource dataSource) {
		TransferDrafts drafts = drafts(dataSource);
		TransferForm form = form("made");

		TransferDrafts.Draft made = drafts.create("d-" + name, "subject-1", "alice@globusid.org", form);

		assertThat(made).isEqualTo(drafts.find("d-" + name, "subject-1").orElseThrow());
		assertThat(made.form()).isEqualTo(form);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void theFirstSubmissionIdKeptWinsWhicheverCallAsks(String name, DataSource dataSource) {
		TransferDrafts drafts = drafts(dataSource);
		drafts.create("d-ids", "subject-1", "alice@globusid.org", form("ids"));

		assertThat(drafts.keepSubmissionId("d-ids", "sub-first")).isEqualTo("sub-first");
		assertThat(drafts.keepSubmissionId("d-ids", "sub-second")).isEqualTo("sub-first");
		assertThat(drafts.submissionId("d-ids")).isEqualTo("sub-first");
	}

	private static TransferDrafts drafts(DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return new TransferDrafts(JdbcClient.create(dataSource), Clock.fixed(NOW, ZoneOffset.UTC),
				new TransferItems(new JdbcTemplate(dataSource)),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
	}

	private static TransferForm form(String label) {
		LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("source_collection", "6c54cade-bde5-45c1-bdea-f4bd71dba2cc");
		fields.add("source_path", "/share/godata/file1.txt");
		fields.add("destination_collection", "31ce9ba0-176d-45a5-add3-f37d233ba47d");
		fields.add("destination_path", "/~/file1.txt");
		fields.add("label", label);
		return TransferForm.from(fields);
	}

}
