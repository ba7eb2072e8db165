package org.transferportal.simulator.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import org.transferportal.simulator.CollectionCatalog;
import org.transferportal.simulator.ConsentLedger;
import org.transferportal.simulator.FaultInjector;
import org.transferportal.simulator.IdentityDirectory;
import org.transferportal.simulator.LoginSession;
import org.transferportal.simulator.SimScope;
import org.transferportal.simulator.SimulatorProperties;
import org.transferportal.simulator.SimulatorStats;
import org.transferportal.simulator.TokenStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TaskEngine}: what no single HTTP call shows, its memory bound and a
 * task whose credentials expire.
 */
class TaskEngineTests {

	private static final String ALICE = "ae332d86-d274-11e5-b885-b31714a110e9";

	private static final String SHARED_RESULTS = "aa752cea-8222-5bc8-acd9-555b090c0ccb";

	private final SimulatorProperties properties = new SimulatorProperties(true, "client", "secret", Duration.ZERO, 0,
			List.of(), Duration.ZERO, Duration.ofHours(48), 1_000_000, true, null, 3, Duration.ofDays(7),
			DataSize.ofMegabytes(64), 3600);

	private final IdentityDirectory identities = new IdentityDirectory();

	private final CollectionCatalog catalog = new CollectionCatalog(this.identities);

	private final TokenStore tokens = new TokenStore(this.properties);

	private final TaskEngine engine = new TaskEngine(this.properties, new SimFileSystem(this.catalog, this.identities),
			this.tokens, new TransferAccess(this.tokens, new FaultInjector(this.properties, new SimulatorStats()),
					this.catalog, this.identities, new ConsentLedger()),
			this.catalog);

	@AfterEach
	void stop() {
		this.engine.destroy();
	}

	@Test
	void onlyTheNewestFinishedTasksOfAUserAreKept() throws InterruptedException {
		List<SimTask> submitted = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			submitted.add(submit("submission-" + i, "/copy-" + i + ".csv"));
		}
		awaitAllFinished();
		this.engine.forgetOldTasks(this.engine.now());

		assertThat(this.engine.size()).isEqualTo(3);
		List<SimTask> kept = this.engine.tasksOf(ALICE);
		assertThat(kept).hasSize(3).allMatch(SimTask::finished);
		SimTask oldest = submitted.stream()
			.filter((t) -> !kept.contains(t))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no task was forgotten"));
		assertThat(this.engine.find(ALICE, oldest.id)).isEmpty();
		assertThat(this.engine.findSubmission(ALICE, oldest.submissionId)).isEmpty();

		this.engine.forgetOldTasks(this.engine.now().plus(Duration.ofDays(8)));
		assertThat(this.engine.size()).isZero();
	}

	@Test
	void aTaskWhoseCredentialsExpiredIsInactiveUntilItsOwnerAuthorizesAnew() throws InterruptedException {
		SimTask task = submit("expiring", "/expiring.csv");
		this.engine.expireCredentials(task);
		this.engine.advance(task);
		assertThat(task.status).isEqualTo("INACTIVE");
		assertThat(task.inactivity.niceStatus()).isEqualTo("NO_CREDENTIALS");
		assertThat(task.inactivity.details()).contains("Log in to Globus again");
		Thread.sleep(5);
		this.engine.advance(task);
		assertThat(task.status).as("waiting is not enough").isEqualTo("INACTIVE");

		this.tokens.issue(TokenStore.TRANSFER, "client",
				List.of(SimScope.of("urn:globus:auth:scope:transfer.api.globus.org:all")),
				new LoginSession(ALICE, "globusid.org", Instant.now(), false), false);
		awaitAllFinished();
		assertThat(task.status).isEqualTo("SUCCEEDED");
	}

	@Test
	void aFreedSlotGoesToTheOldestQueuedTransferAndADeleteRunsBesideFullTransferSlots() {
		// 10^15 bytes: hours of simulated work, so that nothing finishes during the test
		List<SimTask> transfers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			transfers.add(submit("long-" + i, "/long-" + i + ".csv", 1_000_000_000_000_000L));
		}
		assertThat(transfers.subList(0, 3)).allMatch((t) -> t.phase == SimTask.Phase.RUNNING);
		assertThat(transfers.subList(3, 6)).allMatch((t) -> t.phase == SimTask.Phase.QUEUED);

		this.engine.cancel(transfers.get(1));
		assertThat(transfers.get(3).phase).as("the oldest queued starts").isEqualTo(SimTask.Phase.RUNNING);
		assertThat(transfers.subList(4, 6)).allMatch((t) -> t.phase == SimTask.Phase.QUEUED);
		this.engine.schedule(ALICE);
		assertThat(transfers.subList(4, 6)).as("no slot is free").allMatch((t) -> t.phase == SimTask.Phase.QUEUED);
		SimTask delete = this.engine.submit(ALICE, "delete",
				(id) -> new SimTask(id, "DELETE", ALICE, "client", "delete", SHARED_RESULTS, null, this.engine.now(),
						List.of(SimTask.Step.ok("/long-9.csv", null, false, 1_000_000_000_000_000L, false)),
						new LinkedHashMap<>(), null, null, null))
			.getKey();
		assertThat(delete.phase).as("deletes have slots of their own").isEqualTo(SimTask.Phase.RUNNING);
		this.engine.cancel(delete);

		this.engine.cancel(transfers.get(0));
		this.engine.cancel(transfers.get(2));
		assertThat(transfers.subList(4, 6)).allMatch((t) -> t.phase == SimTask.Phase.RUNNING);
		transfers.forEach(this.engine::cancel);
	}

	@Test
	void recentlyUsedCollectionsComeNewestFirstQueuedTasksIncluded() throws InterruptedException {
		// 10^15 bytes: hours of simulated work, so that four fill the slots and queue one
		for (int i = 0; i < 4; i++) {
			submit("old-" + i, "/old-" + i + ".csv", 1_000_000_000_000_000L);
		}
		Thread.sleep(5);
		String tutorial1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";
		String tutorial2 = "31ce9ba0-176d-45a5-add3-f37d233ba47d";
		SimTask newest = this.engine
			.submit(ALICE, "newest", (id) -> new SimTask(id, "TRANSFER", ALICE, "client", "newest", tutorial1,
					tutorial2, this.engine.now(), List.of(SimTask.Step.ok("/share/godata/file1.txt", "/~/file1.txt",
							false, 1_000_000_000_000_000L, false)),
					new LinkedHashMap<>(), null, null, null))
			.getKey();
		assertThat(newest.phase).as("queued behind three running").isEqualTo(SimTask.Phase.QUEUED);

		List<String> recent = this.engine.recentCollections(ALICE);

		assertThat(recent).hasSize(3);
		assertThat(recent.subList(0, 2)).containsExactlyInAnyOrder(tutorial1, tutorial2);
		assertThat(recent.get(2)).isEqualTo(SHARED_RESULTS);
	}

	private SimTask submit(String submissionId, String destination) {
		return submit(submissionId, destination, 8812);
	}

	private SimTask submit(String submissionId, String destination, long size) {
		Map<String, Object> options = new LinkedHashMap<>();
		List<SimTask.Step> steps = List.of(SimTask.Step.ok("/results/summary.csv", destination, false, size, false));
		return this.engine
			.submit(ALICE, submissionId,
					(id) -> new SimTask(id, "TRANSFER", ALICE, "client", submissionId, SHARED_RESULTS, SHARED_RESULTS,
							this.engine.now(), steps, options, null, null, null))
			.getKey();
	}

	private void awaitAllFinished() throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			if (this.engine.tasksOf(ALICE).stream().allMatch(SimTask::finished)) {
				return;
			}
			Thread.sleep(10);
		}
		throw new AssertionError("tasks did not finish");
	}

}
