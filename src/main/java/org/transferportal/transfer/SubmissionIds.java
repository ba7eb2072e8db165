package org.transferportal.transfer;

import java.time.Duration;
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
 * form opens, so that submitting costs a single call to Transfer, and kept with the draft
 * so that every attempt reuses it.
 *
 * <p>
 * The fetches run on a small pool of their own, so that they never queue behind other
 * background work, with a bounded queue, so that opening many forms cannot pile up calls
 * to Globus: when it is full, the click fetches its id itself. A click never fetches a
 * second id for a draft whose id is on its way: it waits for a fetch in flight, and does
 * a fetch that has not started yet itself.
 */
@Component
class SubmissionIds {

	private static final Log logger = LogFactory.getLog(SubmissionIds.class);

	/** How long a click waits for an id already being fetched before fetching one. */
	private static final Duration WAIT = Duration.ofSeconds(5);

	private final TransferDrafts drafts;

	private final ThreadPoolExecutor pool;

	private final Map<String, Prefetch> prefetches = new ConcurrentHashMap<>();

	@Autowired
	SubmissionIds(TransferDrafts drafts) {
		this(drafts, 8, 256);
	}

	SubmissionIds(TransferDrafts drafts, int threads, int queued) {
		this.drafts = drafts;
		this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queued),
				(runnable) -> {
					Thread thread = new Thread(runnable, "submission-id-prefetch");
					thread.setDaemon(true);
					return thread;
				});
	}

	/** Starts fetching the id of a newly opened draft, unless too many fetches wait. */
	void prefetch(String draftId, TransferClient transfer) {
		Prefetch prefetch = new Prefetch(draftId, transfer);
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
	 * The draft's id: the one kept with it, the one being fetched for it (waiting costs
	 * less than a second call), or a new one.
	 */
	String of(Draft draft, TransferClient transfer) {
		if (draft.submissionId() != null) {
			return draft.submissionId();
		}
		Prefetch prefetch = this.prefetches.get(draft.id());
		if (prefetch != null && prefetch.claim()) {
			// Still queued: fetch it now rather than wait behind other forms.
			this.pool.remove(prefetch);
			return prefetch.fetch();
		}
		if (prefetch != null) {
			try {
				return prefetch.id.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException | TimeoutException ex) {
				// Fetch one below.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		String kept = this.drafts.submissionId(draft.id());
		return (kept != null) ? kept : this.drafts.keepSubmissionId(draft.id(), transfer.submissionId());
	}

	/** How many fetches wait for a thread (for tests and diagnostics). */
	int queued() {
		return this.pool.getQueue().size();
	}

	@PreDestroy
	void stop() {
		this.pool.shutdown();
	}

	/** One draft's fetch, done once: by the pool, or by the click if it comes first. */
	private final class Prefetch implements Runnable {

		private final String draftId;

		private final TransferClient transfer;

		private final AtomicBoolean claimed = new AtomicBoolean();

		private final CompletableFuture<String> id = new CompletableFuture<>();

		Prefetch(String draftId, TransferClient transfer) {
			this.draftId = draftId;
			this.transfer = transfer;
		}

		boolean claim() {
			return this.claimed.compareAndSet(false, true);
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
				String kept = SubmissionIds.this.drafts.keepSubmissionId(this.draftId, this.transfer.submissionId());
				this.id.complete(kept);
				return kept;
			}
			catch (RuntimeException ex) {
				this.id.completeExceptionally(ex);
				throw ex;
			}
			finally {
				SubmissionIds.this.prefetches.remove(this.draftId, this);
			}
		}

	}

}
