package org.transferportal.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;

import org.transferportal.transfer.TransferForm;
import org.transferportal.transfer.RequestStatus;

/**
 * Four months of finished transfers by the demo's Alice, Bob and Carol between the
 * simulator's collections, so that a demo visitor finds a history to search and usage
 * charts with something in them. Recorded through {@link TaskStatuses#recordPast}, as the
 * watcher records real tasks; seeded once, into an empty history.
 */
@Component
@ConditionalOnBooleanProperty("portal.demo")
class DemoHistory implements ApplicationRunner {

	static final String ALICE = "ae332d86-d274-11e5-b885-b31714a110e9";

	static final String BOB = "b0b5e3a2-1c4d-4e5f-8a9b-0c1d2e3f4a5b";

	static final String CAROL = "ca401c0a-3e5b-4c6d-8e7f-9a0b1c2d3e4f";

	private static final String TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	private static final String TUTORIAL_2 = "31ce9ba0-176d-45a5-add3-f37d233ba47d";

	private static final String LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	private static final String ARCHIVE = "313ce13e-b597-5858-ae13-29e46fea26e6";

	private static final String SHARED_RESULTS = "aa752cea-8222-5bc8-acd9-555b090c0ccb";

	private static final int DAYS = 120;

	private static final long MB = 1_000_000L;

	private static final long GB = 1_000_000_000L;

	/** A kind of transfer someone in the demo lab makes now and then. */
	private record Habit(String subject, String username, double perDay, String source, String sourcePath,
			String destination, String destinationPath, String label, long minBytes, long maxBytes, int maxFiles,
			boolean sync) {
	}

	private static final List<Habit> HABITS = List.of(
			new Habit(ALICE, "alice@globusid.org", 0.35, LAB_DATA, "/projects/alpha/raw/", ARCHIVE,
					"/archive/2024/alpha/raw/", "Archive alpha raw scans", 5 * GB, 80 * GB, 2000, true),
			new Habit(ALICE, "alice@globusid.org", 0.25, LAB_DATA, "/projects/alpha/analysis/", SHARED_RESULTS,
					"/results/alpha/", "Share alpha analysis", 50 * MB, 2 * GB, 300, false),
			new Habit(BOB, "bob@uchicago.edu", 0.45, LAB_DATA, "/projects/beta/run-%03d/", ARCHIVE,
					"/archive/2024/beta/run-%03d/", "Beta run %d", GB, 20 * GB, 800, false),
			new Habit(BOB, "bob@uchicago.edu", 0.08, ARCHIVE, "/home/bob/old-runs/", LAB_DATA, "/home/bob/old-runs/",
					"Restore old runs", 100 * MB, 5 * GB, 120, false),
			new Habit(CAROL, "carol@example.edu", 0.2, SHARED_RESULTS, "/results/figures/", TUTORIAL_2, "/~/figures/",
					"Figures for the paper", MB, 50 * MB, 40, false));

	private static final List<String> FAILURES = List.of("PERMISSION_DENIED", "EXPIRED", "CANCELED", "FILE_NOT_FOUND",
			"EXPIRED", "PERMISSION_DENIED");

	private final JdbcClient jdbc;

	private final TaskStatuses statuses;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	DemoHistory(JdbcClient jdbc, TaskStatuses statuses, Clock clock) {
		this.jdbc = jdbc;
		this.statuses = statuses;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean empty = this.jdbc.sql("select count(*) from transfer_request where status = ?")
			.param(RequestStatus.SUBMITTED)
			.query(Integer.class)
			.single() == 0;
		if (empty) {
			seed();
		}
	}

	void seed() {
		Random random = new Random(21);
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		int run = 100;
		for (int daysAgo = DAYS; daysAgo >= 1; daysAgo--) {
			LocalDate day = today.minusDays(daysAgo);
			boolean weekend = day.getDayOfWeek().getValue() >= 6;
			for (Habit habit : HABITS) {
				if (random.nextDouble() >= habit.perDay() * (weekend ? 0.3 : 1.0)) {
					continue;
				}
				Instant submitted = day.atStartOfDay(ZoneOffset.UTC)
					.toInstant()
					.plusSeconds(7 * 3600 + random.nextInt(12 * 3600));
				run++;
				record(habit, run, submitted, random);
			}
			if (daysAgo == 70) {
				// The transfer a researcher looks for months later: "the one that copied
				// run 42".
				record(new Habit(ALICE, "alice@globusid.org", 1, TUTORIAL_1, "/share/godata/", TUTORIAL_2,
						"/~/run-042/", "Tutorial data for run 42", 12, 12, 3, false), 42,
						day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(10 * 3600), random);
			}
		}
	}

	private void record(Habit habit, int run, Instant submitted, Random random) {
		String sourcePath = String.format(habit.sourcePath(), run);
		String destinationPath = String.format(habit.destinationPath(), run);
		String label = String.format(habit.label(), run);
		boolean failed = random.nextDouble() < 0.08;
		long bytes = habit.minBytes() + (long) ((habit.maxBytes() - habit.minBytes()) * random.nextDouble());
		long files = 1 + random.nextInt(habit.maxFiles());
		// Roughly 50 MB/s, with a minute of setting up.
		Duration took = Duration.ofSeconds(60 + bytes / (50 * MB) + random.nextInt(120));
		if (failed) {
			bytes = bytes * random.nextInt(60) / 100;
			files = files * random.nextInt(60) / 100;
		}
		String id = UUID
			.nameUUIDFromBytes(("demo-history|" + habit.subject() + "|" + submitted)
				.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.toString();
		String taskId = UUID.nameUUIDFromBytes(("demo-task|" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.toString();
		Timestamp at = Timestamp.from(submitted);
		this.jdbc.sql("""
				insert into transfer_request (id, subject, username, status, source_collection, destination_collection,
				  label, form_json, submission_id, task_id, consent_trips, created_at, updated_at, submitted_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")
			.params(id, habit.subject(), habit.username(), RequestStatus.SUBMITTED, habit.source(), habit.destination(),
					label, form(habit, sourcePath, destinationPath, label),
					UUID.nameUUIDFromBytes(("demo-submission|" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8))
						.toString(),
					taskId, at, at, at)
			.update();
		this.jdbc.sql("""
				insert into transfer_item (request_id, position, source_path, destination_path, recursive)
				values (?, 0, ?, ?, ?)""").params(id, sourcePath, destinationPath, sourcePath.endsWith("/")).update();
		String kind = failed ? FAILURES.get(random.nextInt(FAILURES.size())) : null;
		this.statuses.recordPast(habit.subject(),
				new TaskReport(taskId, failed ? TaskReport.FAILED : TaskReport.SUCCEEDED, bytes, files,
						(habit.sync() && !failed) ? random.nextInt((int) (files / 10) + 1) : 0, failed ? 1 : 0, 0,
						failed ? 1 + random.nextInt(4) : random.nextInt(2), kind, submitted, submitted.plus(took)),
				submitted.plus(took));
	}

	private String form(Habit habit, String sourcePath, String destinationPath, String label) {
		LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
		fields.add("source_collection", habit.source());
		fields.add("source_path", sourcePath);
		fields.add("destination_collection", habit.destination());
		fields.add("destination_path", destinationPath);
		fields.add("label", label);
		if (habit.sync()) {
			// Copy only files whose checksums differ, as an archive job would.
			fields.add("sync_level", "3");
		}
		return this.json.writeValueAsString(TransferForm.from(fields));
	}

}
