package org.transferportal.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history search on both databases the portal runs on: text in the label or any path
 * (any case, wildcards taken literally; starting from few matches or walking the newest
 * transfers when there are many), collection on either side, status, UTC days of
 * submission, one user's or everyone's, newest first and a page at a time.
 */
class HistoryDatabaseIntegrationTests {

	static final String LAB = "aaaaaaaa-0000-4000-8000-000000000001";

	static final String ARCHIVE = "bbbbbbbb-0000-4000-8000-000000000002";

	static final String OTHER = "cccccccc-0000-4000-8000-000000000003";

	static List<org.junit.jupiter.params.provider.Arguments> databases() {
		return UsageDatabaseIntegrationTests.databases();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void findsTransfersByTextCollectionStatusAndUtcDays(String name, DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations(TaskStatusesDatabaseIntegrationTests.locations(dataSource))
			.load()
			.migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		HistorySearch search = new HistorySearch(jdbc);
		HistorySearch walking = new HistorySearch(jdbc, 0);
		String run42 = insert(jdbc, "alice", "Nightly copy", LAB, ARCHIVE, "SUCCEEDED", "2026-03-01T23:59:59Z",
				"/projects/alpha/Run-042/", "/archive/alpha/run-042/");
		String batch = insert(jdbc, "alice", "Figures", OTHER, LAB, "FAILED", "2026-03-02T00:00:00Z",
				"/results/fig1.png", "/in/fig1.png", "/results/100%_done.txt", "/in/100%_done.txt");
		String bob = insert(jdbc, "bob", "Run 42 again", ARCHIVE, OTHER, null, "2026-02-27T10:00:00Z", "/archive/b/",
				"/b/");

		for (HistorySearch way : List.of(search, walking)) {
			assertThat(ids(way.find(filter("run-042", null, null, null, null), null, 10, 0))).containsExactly(run42);
			assertThat(ids(way.find(filter("a", null, null, null, null), null, 1, 0)))
				.as("in a path or a label, a page at a time")
				.containsExactly(run42);
			assertThat(ids(way.find(filter("a", null, null, null, null), null, 1, 1))).containsExactly(bob);
			assertThat(ids(way.find(filter("run", null, null, null, null), "subject-alice", 10, 0)))
				.containsExactly(run42);
			assertThat(ids(way.find(filter("100%_", null, null, null, null), null, 10, 0))).containsExactly(batch);
		}
		assertThat(ids(search.find(filter("run 42", null, null, null, null), null, 10, 0))).as("in the label, any case")
			.containsExactly(bob);
		assertThat(ids(search.find(filter("100%_", null, null, null, null), null, 10, 0)))
			.as("a later item's path, wildcards literal")
			.containsExactly(batch);
		assertThat(ids(search.find(filter("100%x", null, null, null, null), null, 10, 0))).isEmpty();
		assertThat(ids(search.find(filter(null, LAB, null, null, null), null, 10, 0)))
			.as("as source or destination, newest first")
			.containsExactly(batch, run42);
		assertThat(ids(search.find(filter(null, null, "FAILED", null, null), null, 10, 0))).containsExactly(batch);
		assertThat(ids(search.find(filter(null, null, HistoryQuery.NOT_SEEN, null, null), null, 10, 0)))
			.containsExactly(bob);
		assertThat(ids(search.find(filter(null, null, null, "2026-03-01", "2026-03-01"), null, 10, 0)))
			.as("the last second of a UTC day is in it, the next midnight is not")
			.containsExactly(run42);
		assertThat(ids(search.find(filter(null, null, null, "2026-03-02", null), null, 10, 0))).containsExactly(batch);
		assertThat(ids(search.find(filter(null, null, null, null, null), "subject-bob", 10, 0))).containsExactly(bob);
		assertThat(ids(search.find(filter("run", null, null, null, null), "subject-alice", 10, 0)))
			.as("only the user's own")
			.containsExactly(run42);
		assertThat(ids(search.find(new HistoryFilter(null, null, "BOB".toLowerCase(), null, null, null), null, 10, 0)))
			.containsExactly(bob);
		assertThat(ids(search.find(filter(null, null, null, null, null), null, 2, 0))).containsExactly(batch, run42);
		assertThat(ids(search.find(filter(null, null, null, null, null), null, 2, 2))).containsExactly(bob);

		Map<String, HistorySearch.Items> items = search.items(List.of(batch, run42), "100%_");
		assertThat(items.get(batch).count()).isEqualTo(2);
		assertThat(items.get(batch).shown().sourcePath()).as("the item that matched")
			.isEqualTo("/results/100%_done.txt");
		assertThat(items.get(run42).shown().destinationPath()).isEqualTo("/archive/alpha/run-042/");
		assertThat(search.items(List.of(batch), null).get(batch).shown().sourcePath()).isEqualTo("/results/fig1.png");
	}

	private static HistoryFilter filter(String text, String collection, String status, String from, String to) {
		return new HistoryFilter((text != null) ? text.toLowerCase() : null, collection, null, status,
				(from != null) ? LocalDate.parse(from) : null, (to != null) ? LocalDate.parse(to) : null);
	}

	private static List<String> ids(List<HistorySearch.Row> rows) {
		return rows.stream().map(HistorySearch.Row::id).toList();
	}

	/** A submitted request with its items, given as source and destination paths. */
	private static String insert(JdbcClient jdbc, String user, String label, String source, String destination,
			String taskStatus, String submittedAt, String... paths) {
		String id = UUID.randomUUID().toString();
		Timestamp submitted = Timestamp.from(Instant.parse(submittedAt));
		jdbc.sql("""
				insert into transfer_request (id, subject, username, status, source_collection, destination_collection,
				  label, form_json, task_id, task_status, consent_trips, created_at, updated_at, submitted_at)
				values (?, ?, ?, 'SUBMITTED', ?, ?, ?, '{}', ?, ?, 0, ?, ?, ?)""")
			.params(id, "subject-" + user, user, source, destination, label, UUID.randomUUID().toString(), taskStatus,
					submitted, submitted, submitted)
			.update();
		for (int i = 0; i < paths.length; i += 2) {
			jdbc.sql("""
					insert into transfer_item (request_id, position, source_path, destination_path, recursive)
					values (?, ?, ?, ?, ?)""")
				.params(id, i / 2, paths[i], paths[i + 1], paths[i].endsWith("/"))
				.update();
		}
		return id;
	}

}
