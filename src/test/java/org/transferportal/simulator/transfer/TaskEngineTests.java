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
			DataSize.ofMegabytes(64));

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

	private SimTask submit(String submissionId, String destination) {
		Map<String, Object> options = new LinkedHashMap<>();
		List<SimTask.Step> steps = List.of(SimTask.Step.ok("/results/summary.csv", destination, false, 8812, false));
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
