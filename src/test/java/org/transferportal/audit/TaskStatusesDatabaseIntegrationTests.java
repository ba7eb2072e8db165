package org.transferportal.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.transferportal.support.SharedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status watcher's queries on both databases the portal runs on: which tasks are due,
 * that one instance only wins each check, and that a task's end is recorded once.
 */
class TaskStatusesDatabaseIntegrationTests {

	static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

	static List<Arguments> databases() {
		return List.of(
				Arguments.of("H2", new DriverManagerDataSource(
						"jdbc:h2:mem:statuses-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", "sa", "")),
				Arguments.of("PostgreSQL", new DriverManagerDataSource(SharedPostgres.newDatabase(),
						SharedPostgres.username(), SharedPostgres.password())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void tasksWhoseEndIsNotRecordedAreDueOldestCheckFirstAndEachIsClaimedOnce(String name, DataSource dataSource) {
		migrate(dataSource);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		TaskStatuses statuses = statuses(dataSource);
		insert(jdbc, "never-checked", null, null, NOW.minusSeconds(600), null);
		insert(jdbc, "checked-long-ago", "ACTIVE", NOW.minusSeconds(3600), NOW.minusSeconds(7200), null);
		insert(jdbc, "checked-just-now", "ACTIVE", NOW.minusSeconds(5), NOW.minusSeconds(7200), null);
		insert(jdbc, "finished", "SUCCEEDED", NOW.minusSeconds(3700), NOW.minusSeconds(7200), NOW.minusSeconds(3800));
		// Seen finished before the portal kept figures: asked once more for them.
		insert(jdbc, "finished-without-figures", "SUCCEEDED", NOW.minusSeconds(3000), NOW.minusSeconds(7200), null);
		insert(jdbc, "too-old", "ACTIVE", NOW.minusSeconds(3600), NOW.minusSeconds(40L * 24 * 3600), null);

		List<TaskStatuses.Due> due = statuses.due(NOW.minusSeconds(60), NOW.minusSeconds(30L * 24 * 3600), 10);

		assertThat(due).extracting(TaskStatuses.Due::taskId)
			.containsExactly("never-checked", "checked-long-ago", "finished-without-figures");
		assertThat(statuses.claim(due.get(0))).isTrue();
		assertThat(statuses.claim(due.get(0))).as("another instance, same round").isFalse();
		assertThat(statuses.claim(due.get(1))).isTrue();
		assertThat(statuses.claim(due.get(1))).isFalse();
		statuses.learned("subject-of-never-checked", TaskDocuments.failed("never-checked"));
		statuses.learned("subject-of-checked-long-ago", List.of(TaskDocuments.succeeded("checked-long-ago"),
				TaskDocuments.failed("finished"), TaskDocuments.active("unknown", "ACTIVE")));
		statuses.learned("subject-of-finished-without-figures", TaskDocuments.succeeded("finished-without-figures"));
		assertThat(jdbc.sql("select task_status from transfer_request where task_id = 'checked-long-ago'")
			.query(String.class)
			.single()).isEqualTo("SUCCEEDED");
		assertThat(jdbc.sql("select task_status from transfer_request where task_id = 'finished'")
			.query(String.class)
			.single()).as("another user's task").isEqualTo("SUCCEEDED");
		assertThat(statuses.due(NOW.plusSeconds(60), NOW.minusSeconds(30L * 24 * 3600), 10))
			.extracting(TaskStatuses.Due::taskId)
			.containsExactly("checked-just-now");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aFinishedTaskIsRecordedWithItsFiguresAndCountedOnceHoweverOftenItIsSeen(String name, DataSource dataSource) {
		migrate(dataSource);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		TaskStatuses statuses = statuses(dataSource);
		TaskStatuses other = statuses(dataSource);
		insert(jdbc, "t1", "ACTIVE", NOW.minusSeconds(3600), NOW.minusSeconds(7200), null);

		statuses.learned("subject-of-t1", TaskDocuments.failed("t1"));
		other.learned("subject-of-t1", TaskDocuments.failed("t1"));
		statuses.learned("subject-of-t1", List.of(TaskDocuments.failed("t1"), TaskDocuments.failed("t1")));
		statuses.learned("subject-of-t1", TaskDocuments.active("t1", "ACTIVE"));

		Map<String, Object> row = jdbc
			.sql("""
					select task_status, bytes_transferred, files_transferred, files_skipped, subtasks_failed, skipped_errors,
					  faults, failure_kind, completed_at, duration_seconds from transfer_request where task_id = 't1'""")
			.query()
			.singleRow();
		assertThat(row)
			.extractingByKeys("TASK_STATUS", "BYTES_TRANSFERRED", "FILES_TRANSFERRED", "FILES_SKIPPED",
					"SUBTASKS_FAILED", "SKIPPED_ERRORS", "FAULTS", "FAILURE_KIND", "DURATION_SECONDS")
			.containsExactly("FAILED", 1048576L, 1L, 0L, 2L, 0L, 7L, "FILE_NOT_FOUND", 169L);
		Map<String, Object> usage = jdbc
			.sql("select day_utc, subject, username, status, failure_kind, tasks, bytes, files" + " from usage_daily")
			.query()
			.singleRow();
		assertThat(usage).extractingByKeys("SUBJECT", "USERNAME", "STATUS", "FAILURE_KIND", "TASKS", "BYTES", "FILES")
			.containsExactly("subject-of-t1", "u", "FAILED", "FILE_NOT_FOUND", 1L, 1048576L, 1L);
		assertThat(usage.get("DAY_UTC").toString()).as("the UTC day Globus completed it").isEqualTo("2023-12-18");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void eachChangeIsPublishedOnceInsideItsTransactionHoweverOftenItIsSeen(String name, DataSource dataSource) {
		migrate(dataSource);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		List<TaskStatusChanged> published = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<Boolean> inTransaction = new java.util.concurrent.CopyOnWriteArrayList<>();
		ApplicationEventPublisher events = (event) -> {
			published.add((TaskStatusChanged) event);
			inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
		};
		TaskStatuses statuses = statuses(dataSource, events);
		TaskStatuses other = statuses(dataSource, events);
		insert(jdbc, "t1", "ACTIVE", NOW.minusSeconds(3600), NOW.minusSeconds(7200), null);

		statuses.learned("subject-of-t1", TaskDocuments.active("t1", "INACTIVE"));
		other.learned("subject-of-t1", TaskDocuments.active("t1", "INACTIVE"));
		statuses.learned("subject-of-t1", TaskDocuments.active("t1", "ACTIVE"));
		other.learned("subject-of-t1", TaskDocuments.active("t1", "INACTIVE"));
		statuses.learned("subject-of-t1", TaskDocuments.failed("t1"));
		other.learned("subject-of-t1", TaskDocuments.failed("t1"));
		statuses.learned("someone-else", TaskDocuments.active("t1", "INACTIVE"));

		assertThat(published).extracting(TaskStatusChanged::status)
			.as("paused, resumed and paused again, then failed")
			.containsExactly("INACTIVE", "INACTIVE", "FAILED");
		assertThat(inTransaction).containsOnly(true);
		TaskStatusChanged failed = published.get(2);
		assertThat(failed.subject()).isEqualTo("subject-of-t1");
		assertThat(failed.username()).isEqualTo("u");
		assertThat(failed.bytes()).isEqualTo(1048576L);
		assertThat(failed.failureKind()).isEqualTo("FILE_NOT_FOUND");
		assertThat(failed.durationSeconds()).isEqualTo(169L);
		assertThat(failed.finished()).isTrue();
		assertThat(published.get(0).finished()).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aStatusIsNotRecordedWhenAListenerOfItsChangeFails(String name, DataSource dataSource) {
		migrate(dataSource);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		TaskStatuses statuses = statuses(dataSource, (event) -> {
			throw new IllegalStateException("outbox unavailable");
		});
		insert(jdbc, "t1", "ACTIVE", NOW.minusSeconds(3600), NOW.minusSeconds(7200), null);

		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> statuses.learned("subject-of-t1", TaskDocuments.failed("t1")));

		assertThat(jdbc.sql("select count(*) from transfer_request where task_id = 't1' and completed_at is null")
			.query(Integer.class)
			.single()).as("left to be seen again, so its change is not lost").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from usage_daily").query(Integer.class).single()).isZero();
	}

	private static void migrate(DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).locations(locations(dataSource)).load().migrate();
	}

	/**
	 * The portal's migration locations for this database (PostgreSQL has its own too).
	 */
	static String[] locations(DataSource dataSource) {
		boolean postgres = ((DriverManagerDataSource) dataSource).getUrl().startsWith("jdbc:postgresql:");
		return postgres ? new String[] { "classpath:db/migration", "classpath:db/vendor/postgresql" }
				: new String[] { "classpath:db/migration" };
	}

	static TaskStatuses statuses(DataSource dataSource) {
		return statuses(dataSource, (event) -> {
		});
	}

	static TaskStatuses statuses(DataSource dataSource, ApplicationEventPublisher events) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		return new TaskStatuses(jdbc, new UsageRollup(jdbc),
				new TransactionTemplate(new JdbcTransactionManager(dataSource)), Clock.fixed(NOW, ZoneOffset.UTC),
				events);
	}

	private static void insert(JdbcClient jdbc, String taskId, String status, Instant checkedAt, Instant submittedAt,
			Instant completedAt) {
		Timestamp submitted = Timestamp.from(submittedAt);
		jdbc.sql("""
				insert into transfer_request (id, subject, username, status, form_json, task_id, consent_trips,
				  created_at, updated_at, submitted_at, task_status, status_checked_at, completed_at)
				values (?, ?, 'u', 'SUBMITTED', '{}', ?, 0, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID().toString(), "subject-of-" + taskId, taskId, submitted, submitted, submitted,
					status, (checkedAt != null) ? Timestamp.from(checkedAt) : null,
					(completedAt != null) ? Timestamp.from(completedAt) : null)
			.update();
	}

}
