package org.transferportal.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

/**
 * The status refresh's queries on both databases the portal runs on: which tasks are due,
 * and that one instance only wins each check.
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
	void unfinishedTasksAreDueOldestCheckFirstAndEachIsClaimedOnce(String name, DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		TaskStatuses statuses = new TaskStatuses(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
		insert(jdbc, "never-checked", null, null, NOW.minusSeconds(600));
		insert(jdbc, "checked-long-ago", "ACTIVE", NOW.minusSeconds(3600), NOW.minusSeconds(7200));
		insert(jdbc, "checked-just-now", "ACTIVE", NOW.minusSeconds(5), NOW.minusSeconds(7200));
		insert(jdbc, "finished", "SUCCEEDED", NOW.minusSeconds(3600), NOW.minusSeconds(7200));
		insert(jdbc, "too-old", "ACTIVE", NOW.minusSeconds(3600), NOW.minusSeconds(40L * 24 * 3600));

		List<TaskStatuses.Due> due = statuses.due(NOW.minusSeconds(60), NOW.minusSeconds(30L * 24 * 3600), 10);

		assertThat(due).extracting(TaskStatuses.Due::taskId).containsExactly("never-checked", "checked-long-ago");
		assertThat(statuses.claim(due.get(0))).isTrue();
		assertThat(statuses.claim(due.get(0))).as("another instance, same round").isFalse();
		assertThat(statuses.claim(due.get(1))).isTrue();
		assertThat(statuses.claim(due.get(1))).isFalse();
		statuses.seen("subject-of-never-checked", "never-checked", "FAILED");
		statuses.seenAll("subject-of-checked-long-ago",
				java.util.Map.of("checked-long-ago", "SUCCEEDED", "finished", "FAILED", "unknown", "ACTIVE"));
		assertThat(jdbc.sql("select task_status from transfer_request where task_id = 'checked-long-ago'")
			.query(String.class)
			.single()).isEqualTo("SUCCEEDED");
		assertThat(jdbc.sql("select task_status from transfer_request where task_id = 'finished'")
			.query(String.class)
			.single()).as("another user's task").isEqualTo("SUCCEEDED");
		assertThat(statuses.due(NOW.plusSeconds(60), NOW.minusSeconds(30L * 24 * 3600), 10))
			.extracting(TaskStatuses.Due::taskId)
			.doesNotContain("never-checked", "checked-long-ago", "finished", "too-old");
	}

	private static void insert(JdbcClient jdbc, String taskId, String status, Instant checkedAt, Instant submittedAt) {
		Timestamp submitted = Timestamp.from(submittedAt);
		jdbc.sql("""
				insert into transfer_request (id, subject, username, status, form_json, task_id, consent_trips,
				  created_at, updated_at, submitted_at, task_status, status_checked_at)
				values (?, ?, 'u', 'SUBMITTED', '{}', ?, 0, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID().toString(), "subject-of-" + taskId, taskId, submitted, submitted, submitted,
					status, (checkedAt != null) ? Timestamp.from(checkedAt) : null)
			.update();
	}

}
