package org.transferportal.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.transferportal.support.SharedPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The usage figures on both databases the portal runs on, from known finished tasks: UTC
 * days (a completion time with an offset counts on its UTC day), ISO weeks across a year
 * boundary (31 December 2020 and 3 January 2021 are both in 2020-W53), per user, per
 * collection and per failure kind, for everyone or one user.
 */
class UsageDatabaseIntegrationTests {

	static final String A = "aaaaaaaa-0000-4000-8000-000000000001";

	static final String B = "bbbbbbbb-0000-4000-8000-000000000002";

	static final String C = "cccccccc-0000-4000-8000-000000000003";

	static List<Arguments> databases() {
		return List.of(
				Arguments.of("H2", new DriverManagerDataSource(
						"jdbc:h2:mem:usage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "")),
				Arguments.of("PostgreSQL", new DriverManagerDataSource(SharedPostgres.newDatabase(),
						SharedPostgres.username(), SharedPostgres.password())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void weeksUsersCollectionsAndFailuresAddUpAcrossAYearBoundary(String name, DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations(TaskStatusesDatabaseIntegrationTests.locations(dataSource))
			.load()
			.migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		TaskStatuses statuses = TaskStatusesDatabaseIntegrationTests.statuses(dataSource);
		finish(jdbc, statuses, "alice", A, B, "SUCCEEDED", null, 100, 1, "2020-12-31T23:59:59Z");
		finish(jdbc, statuses, "alice", A, B, "FAILED", "EXPIRED", 200, 2, "2021-01-03T23:59:59Z");
		finish(jdbc, statuses, "bob", B, C, "SUCCEEDED", null, 400, 4, "2021-01-04T00:00:00Z");
		// Sunday evening in Chicago is already Monday in UTC.
		finish(jdbc, statuses, "bob", B, C, "SUCCEEDED", null, 800, 8, "2021-01-03T22:30:00-05:00");
		finish(jdbc, statuses, "carol", A, C, "FAILED", "CANCELED", 1600, 16, "2021-01-11T00:00:00Z");
		finish(jdbc, statuses, "carol", A, C, "SUCCEEDED", null, 3200, 32, "2020-12-27T23:59:59Z");
		// A delete moves nothing: it is in the audit and the history, not in the figures.
		finish(jdbc, statuses, "alice", "DELETE", A, null, "SUCCEEDED", null, 0, 5, "2021-01-05T00:00:00Z");
		UsageFigures figures = new UsageFigures(jdbc);
		LocalDate from = LocalDate.parse("2020-12-28");
		LocalDate to = LocalDate.parse("2021-01-10");
		UsageFigures.Scope lab = new UsageFigures.Scope(from, to, null);

		assertThat(LabUsage.weeks(from, to, figures.byDay(lab)))
			.extracting(UsageReport.Week::name, UsageReport.Week::monday, UsageReport.Week::tasks,
					UsageReport.Week::succeeded, UsageReport.Week::bytes, UsageReport.Week::files)
			.containsExactly(tuple("2020-W53", LocalDate.parse("2020-12-28"), 2L, 1L, 300L, 3L),
					tuple("2021-W01", LocalDate.parse("2021-01-04"), 2L, 2L, 1200L, 12L));
		assertThat(figures.byUser(lab))
			.extracting(UsageFigures.User::username, UsageFigures.User::tasks, UsageFigures.User::succeeded,
					UsageFigures.User::bytes, UsageFigures.User::files)
			.containsExactly(tuple("bob", 2L, 2L, 1200L, 12L), tuple("alice", 2L, 1L, 300L, 3L));
		assertThat(figures.byCollection(lab, "source_collection"))
			.extracting(UsageFigures.Side::collection, UsageFigures.Side::tasks, UsageFigures.Side::bytes)
			.containsExactlyInAnyOrder(tuple(A, 2L, 300L), tuple(B, 2L, 1200L));
		assertThat(figures.byCollection(lab, "destination_collection"))
			.extracting(UsageFigures.Side::collection, UsageFigures.Side::bytes)
			.containsExactlyInAnyOrder(tuple(B, 300L), tuple(C, 1200L));
		assertThat(figures.failures(lab)).extracting(UsageFigures.Failure::kind, UsageFigures.Failure::tasks)
			.containsExactly(tuple("EXPIRED", 1L));
		assertThat(figures.byDay(lab, "destination_collection", C))
			.extracting(UsageFigures.Day::day, UsageFigures.Day::bytes)
			.containsExactly(tuple(LocalDate.parse("2021-01-04"), 1200L));

		UsageFigures.Scope alice = new UsageFigures.Scope(from, to, subject("alice"));
		assertThat(LabUsage.weeks(from, to, figures.byDay(alice))).extracting(UsageReport.Week::bytes)
			.containsExactly(300L, 0L);
		assertThat(figures.byUser(alice)).extracting(UsageFigures.User::username).containsExactly("alice");
		assertThat(figures.failures(new UsageFigures.Scope(from, LocalDate.parse("2021-01-11"), subject("carol"))))
			.extracting(UsageFigures.Failure::kind)
			.containsExactly("CANCELED");
		assertThat(figures.usernames(10)).containsExactly("alice", "bob", "carol");
	}

	static String subject(String user) {
		return "subject-" + user;
	}

	/** A submitted request of this user between the collections, and its task's end. */
	static void finish(JdbcClient jdbc, TaskStatuses statuses, String user, String source, String destination,
			String status, String kind, long bytes, long files, String completion) {
		finish(jdbc, statuses, user, "TRANSFER", source, destination, status, kind, bytes, files, completion);
	}

	/** A submitted request of this type, and its task's end. */
	static void finish(JdbcClient jdbc, TaskStatuses statuses, String user, String type, String source,
			String destination, String status, String kind, long bytes, long files, String completion) {
		String taskId = UUID.randomUUID().toString();
		Instant completed = java.time.OffsetDateTime.parse(completion).toInstant();
		Timestamp submitted = Timestamp.from(completed.minusSeconds(600));
		jdbc.sql("""
				insert into transfer_request (id, subject, username, status, task_type, source_collection,
				  destination_collection, form_json, task_id, consent_trips, created_at, updated_at, submitted_at)
				values (?, ?, ?, 'SUBMITTED', ?, ?, ?, '{}', ?, 0, ?, ?, ?)""")
			.params(UUID.randomUUID().toString(), subject(user), user, type, source, destination, taskId, submitted,
					submitted, submitted)
			.update();
		statuses.learned(subject(user), TaskDocuments.document(taskId, status, kind, bytes, files, completion));
	}

}
