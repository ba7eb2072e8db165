package org.transferportal.transfer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import org.transferportal.globus.TransferClient;
import org.transferportal.transfer.TransferDrafts.Draft;

/**
 * A draft's submission id, ready before the click: fetched in the background when the
 * form is shown, held in this instance's memory (showing a form writes nothing), and kept
 * with the draft by the click that uses it, so that every later attempt reuses it.
 *
 * <p>
 * The fetches run on a small pool of their own, so that they never queue behind other
 * background work, with a bounded queue, and at most {@code kept} fetched ids wait for
 * their click, each for at most {@code keptFor}: opening many forms cannot pile up calls
 * to Globus or memory. When the queue or the store is full, or the click lands on another
 * instance, the click fetches its id itself: one more call, nothing lost. A click never
 * fetches a second id for a draft whose id is on its way: it waits for a fetch in flight,
 * and does a fetch that has not started yet itself.
 */
@Component
class SubmissionIds {

	private static final Log logger = LogFactory.getLog(SubmissionIds.class);

	/** How long a click waits for an id already being fetched before fetching one. */
	private static final Duration WAIT = Duration.ofSeconds(5);

	private final TransferDrafts drafts;

	private final Clock clock;

	private final ThreadPoolExecutor pool;

	private final int kept;

	private final Duration keptFor;

	private final Map<String, Prefetch> prefetches = new ConcurrentHashMap<>();

	@Autowired
	SubmissionIds(TransferDrafts drafts, Clock clock) {
		this(drafts, clock, 8, 256, 10_000, Duration.ofHours(1));
	}

	SubmissionIds(TransferDrafts drafts, Clock clock, int threads, int queued, int kept, Duration keptFor) {
		this.drafts = drafts;
		this.clock = clock;
		this.kept = kept;
		this.keptFor = keptFor;
		this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queued),
				(runnable) -> {
					Thread thread = new Thread(runnable, "submission-id-prefetch");
					thread.setDaemon(true);
					return thread;
				});
	}

	/**
	 * Starts fetching the id for the draft a form will post to (which need not exist
	 * yet), unless too many fetches wait or too many ids are held.
	 */
	void prefetch(String draftId, TransferClient transfer) {
		Instant now = this.clock.instant();
		if (this.prefetches.size() >= this.kept) {
			this.prefetches.values().removeIf((prefetch) -> prefetch.expired(now));
			if (this.prefetches.size() >= this.kept) {
				return;
			}
		}
		Prefetch prefetch = new Prefetch(transfer, now);
		this.prefetches.put(draftId, prefetch);
		try {
			this.pool.execute(prefetch);
		}
		catch (RejectedExecutionException ex) {
			// Busy (or shutting down): the click fetches the id.
			this.prefetches.remove(draftId, prefetch);
		}
	}

	/**
	 * The draft's id: the one kept with it, the one fetched or being fetched for it here
	 * (waiting costs less than a second call), or a new one; whichever it is, the first
	 * id kept with the draft wins, so racing clicks on several instances agree.
	 */
	String of(Draft draft, TransferClient transfer) {
		if (draft.submissionId() != null) {
			return draft.submissionId();
		}
		String ahead = fetchedAhead(draft.id());
		if (ahead != null) {
			return this.drafts.keepSubmissionId(draft.id(), ahead);
		}
		String kept = this.drafts.submissionId(draft.id());
		return (kept != null) ? kept : this.drafts.keepSubmissionId(draft.id(), transfer.submissionId());
	}

	/** The id fetched ahead for the draft on this instance, or {@code null}. */
	private String fetchedAhead(String draftId) {
		Prefetch prefetch = this.prefetches.remove(draftId);
		if (prefetch == null || prefetch.expired(this.clock.instant())) {
			return null;
		}
		if (prefetch.claim()) {
			// Still queued: fetch it now rather than wait behind other forms.
			this.pool.remove(prefetch);
			return prefetch.fetch();
		}
		try {
			return prefetch.id.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** How many fetches wait for a thread (for tests and diagnostics). */
	int queued() {
		return this.pool.getQueue().size();
	}

	/** How many ids are being fetched or wait for their click (for tests). */
	int held() {
		return this.prefetches.size();
	}

	@PreDestroy
	void stop() {
		this.pool.shutdown();
	}

	/** One form's fetch, done once: by the pool, or by the click if it comes first. */
	private final class Prefetch implements Runnable {

		private final TransferClient transfer;

		private final Instant started;

		private final AtomicBoolean claimed = new AtomicBoolean();

		private final CompletableFuture<String> id = new CompletableFuture<>();

		Prefetch(TransferClient transfer, Instant started) {
			this.transfer = transfer;
			this.started = started;
		}

		boolean claim() {
			return this.claimed.compareAndSet(false, true);
		}

		boolean expired(Instant now) {
			return this.started.plus(SubmissionIds.this.keptFor).isBefore(now);
		}

		@Override
		public void run() {
			if (claim()) {
				try {
					fetch();
				}
				catch (RuntimeException ex) {
					// Not fatal: the click fetches one.
					logger.info("Could not fetch a submission id ahead of time: " + ex.getMessage());
				}
			}
		}

		String fetch() {
			try {
				String value = this.transfer.submissionId();
				this.id.complete(value);
				return value;
			}
			catch (RuntimeException ex) {
				this.id.completeExceptionally(ex);
				throw ex;
			}
		}

	}

}
