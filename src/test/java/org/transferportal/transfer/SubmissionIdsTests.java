package org.transferportal.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.TransferClient;
import org.transferportal.support.MutableClock;
import org.transferportal.transfer.TransferDrafts.Draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

/**
 * Submission ids fetched before the click: one fetch per draft whatever the timing,
 * nothing stored until the click, a bounded queue and a bounded number held.
 */
class SubmissionIdsTests {

	private final TransferDrafts drafts = mock(TransferDrafts.class);

	private final MutableClock clock = new MutableClock();

	private final CountDownLatch release = new CountDownLatch(1);

	private SubmissionIds ids;

	private SubmissionIds ids(int threads, int queued, int held) {
		return new SubmissionIds(this.drafts, this.clock, threads, queued, held, Duration.ofHours(1));
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.ids.stop();
	}

	@Test
	void theClickUsesTheIdFetchedAheadWithoutASecondCallAndOnlyThenKeepsItWithTheDraft() throws Exception {
		this.ids = ids(2, 4, 100);
		keptAsGiven();
		CountDownLatch fetched = new CountDownLatch(1);
		TransferClient transfer = transfer("sub-1", null, fetched);
		this.ids.prefetch("d1", transfer);
		assertThat(fetched.await(10, TimeUnit.SECONDS)).isTrue();
		then(this.drafts).shouldHaveNoInteractions();

		assertThat(this.ids.of(draft("d1"), transfer)).isEqualTo("sub-1");
		then(transfer).should(times(1)).submissionId();
		then(this.drafts).should().keepSubmissionId("d1", "sub-1");
		assertThat(this.ids.held()).as("handed over, no longer held").isZero();
	}

	@Test
	void atMostSoManyIdsAreHeldAndAnExpiredOneMakesRoomButIsNeverUsed() throws Exception {
		this.ids = ids(2, 4, 2);
		keptAsGiven();
		CountDownLatch fetched = new CountDownLatch(2);
		TransferClient first = transfer("sub-1", null, fetched);
		this.ids.prefetch("d1", first);
		this.ids.prefetch("d2", transfer("sub-2", null, fetched));
		assertThat(fetched.await(10, TimeUnit.SECONDS)).isTrue();
		TransferClient third = transfer("sub-3", null, null);

		this.ids.prefetch("d3", third);

		assertThat(this.ids.held()).isEqualTo(2);
		then(third).should(never()).submissionId();
		this.clock.advance(Duration.ofHours(2));
		this.ids.prefetch("d3", third);
		assertThat(this.ids.held()).as("the expired ones are dropped").isEqualTo(1);
		TransferClient late = transfer("sub-late", null, null);
		assertThat(this.ids.of(draft("d1"), late)).as("an expired id is not used").isEqualTo("sub-late");
	}

	@Test
	void aClickWhileTheFetchIsInFlightWaitsForItRatherThanFetchingASecondId() throws Exception {
		this.ids = ids(2, 4, 100);
		keptAsGiven();
		CountDownLatch started = new CountDownLatch(1);
		TransferClient transfer = transfer("sub-1", this.release, started);
		this.ids.prefetch("d1", transfer);
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<String> click = CompletableFuture.supplyAsync(() -> this.ids.of(draft("d1"), transfer));
		this.release.countDown();

		assertThat(click.get(10, TimeUnit.SECONDS)).isEqualTo("sub-1");
		then(transfer).should(times(1)).submissionId();
	}

	@Test
	void aClickWhoseFetchIsStillQueuedFetchesItAtOnceAndThePoolThenSkipsIt() throws Exception {
		this.ids = ids(1, 4, 100);
		keptAsGiven();
		CountDownLatch busy = new CountDownLatch(1);
		TransferClient slow = transfer("sub-0", this.release, busy);
		this.ids.prefetch("d0", slow);
		assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
		TransferClient transfer = transfer("sub-1", null, null);
		this.ids.prefetch("d1", transfer);
		assertThat(this.ids.queued()).isEqualTo(1);

		assertThat(this.ids.of(draft("d1"), transfer)).isEqualTo("sub-1");
		assertThat(this.ids.queued()).as("its queued fetch is withdrawn").isZero();
		this.release.countDown();
		assertThat(this.ids.of(draft("d0"), slow)).isEqualTo("sub-0");
		then(transfer).should(times(1)).submissionId();
		then(slow).should(times(1)).submissionId();
	}

	@Test
	void whenTheQueueIsFullNothingMoreIsQueuedAndTheClickFetchesItsOwnId() throws Exception {
		this.ids = ids(1, 2, 100);
		keptAsGiven();
		CountDownLatch busy = new CountDownLatch(1);
		this.ids.prefetch("d0", transfer("sub-0", this.release, busy));
		assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
		List<TransferClient> waiting = List.of(transfer("sub-a", null, null), transfer("sub-b", null, null));
		this.ids.prefetch("da", waiting.get(0));
		this.ids.prefetch("db", waiting.get(1));
		TransferClient overflow = transfer("sub-c", null, null);

		this.ids.prefetch("dc", overflow);

		assertThat(this.ids.queued()).isEqualTo(2);
		then(overflow).should(never()).submissionId();
		assertThat(this.ids.of(draft("dc"), overflow)).isEqualTo("sub-c");
		then(overflow).should(times(1)).submissionId();
	}

	@Test
	void aFailedFetchAheadLeavesTheClickToFetchOne() throws Exception {
		this.ids = ids(1, 2, 100);
		keptAsGiven();
		TransferClient transfer = mock(TransferClient.class);
		CountDownLatch failed = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		given(transfer.submissionId()).willAnswer((call) -> {
			if (calls.incrementAndGet() == 1) {
				failed.countDown();
				throw new GlobusApiException(503, "ServiceUnavailable", "down", null, "/submission_id");
			}
			return "sub-2";
		});
		this.ids.prefetch("d1", transfer);
		assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();

		assertThat(this.ids.of(draft("d1"), transfer)).isEqualTo("sub-2");
		assertThat(calls).hasValue(2);
	}

	@Test
	void anIdKeptWithTheDraftIsUsedAsIs() {
		this.ids = ids(1, 2, 100);
		TransferClient transfer = mock(TransferClient.class);
		Draft draft = new Draft("d1", "subject", "alice", "DRAFT", TransferForm.empty(), "kept", null, 0, null,
				Instant.now(), null);
		assertThat(this.ids.of(draft, transfer)).isEqualTo("kept");
		then(transfer).shouldHaveNoInteractions();
	}

	/** The drafts keep the first id given for a draft, as the database does. */
	private void keptAsGiven() {
		Map<String, String> kept = new ConcurrentHashMap<>();
		given(this.drafts.keepSubmissionId(anyString(), anyString())).willAnswer((call) -> {
			kept.putIfAbsent(call.getArgument(0), call.getArgument(1));
			return kept.get(call.getArgument(0));
		});
		given(this.drafts.submissionId(anyString())).willAnswer((call) -> kept.get(call.getArgument(0)));
	}

	/**
	 * A client whose submission id call says it started and waits for the gate, if any.
	 */
	private static TransferClient transfer(String id, CountDownLatch gate, CountDownLatch started) {
		TransferClient transfer = mock(TransferClient.class);
		given(transfer.submissionId()).willAnswer((call) -> {
			if (started != null) {
				started.countDown();
			}
			if (gate != null) {
				gate.await(10, TimeUnit.SECONDS);
			}
			return id;
		});
		return transfer;
	}

	private static Draft draft(String id) {
		return new Draft(id, "subject", "alice", "DRAFT", TransferForm.empty(), null, null, 0, null, Instant.now(),
				null);
	}

}
