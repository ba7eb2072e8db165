package org.transferportal.transfer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Service;

import org.transferportal.auth.ConsentRoundTrip;
import org.transferportal.auth.CurrentUser;
import org.transferportal.collections.CollectionDirectory;
import org.transferportal.globus.AuthorizationParameters;
import org.transferportal.globus.AuthorizationRequiredException;
import org.transferportal.globus.Collection;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusUnauthorizedException;
import org.transferportal.globus.SubmitResult;
import org.transferportal.globus.TransferClient;
import org.transferportal.globus.TransferDocument;
import org.transferportal.transfer.TransferDrafts.Draft;
import org.transferportal.support.RateLimiter;

/**
 * Submits transfers exactly once: consent is checked before the first attempt (preflight)
 * and recovered after a refusal (reactive), and every attempt of one draft carries the
 * same submission id.
 */
@Service
class TransferService {

	private static final Log logger = LogFactory.getLog(TransferService.class);

	/** Pending-action kind of a transfer waiting for consent. */
	static final String PENDING_KIND = "transfer";

	/** Trips to Globus Auth one request may cause before the portal stops asking. */
	private static final int MAX_CONSENT_TRIPS = 3;

	/** What became of a submission. */
	sealed interface Outcome {

		/** Globus has the task (now or before). */
		record Submitted(String taskId) implements Outcome {
		}

		/** The user must go through Globus Auth first; redirect to this local path. */
		record NeedsConsent(String path) implements Outcome {
		}

		/** The form has errors, by field. */
		record Invalid(Map<String, String> errors) implements Outcome {
		}

		/** Globus refused or failed; nothing was created, and the draft stays open. */
		record Failed(String message, String requestId) implements Outcome {
		}

	}

	private final CurrentUser user;

	private final TransferDrafts drafts;

	private final TransferValidator validator;

	private final CollectionDirectory collections;

	private final ConsentRoundTrip consent;

	/** How long a click waits for a submission id already being fetched. */
	private static final Duration PREFETCH_WAIT = Duration.ofSeconds(5);

	/**
	 * Fetches submission ids for newly opened forms: its own small pool, so that the
	 * fetches never queue behind other background work.
	 */
	private final ExecutorService prefetcher = Executors.newFixedThreadPool(8, (runnable) -> {
		Thread thread = new Thread(runnable, "submission-id-prefetch");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, CompletableFuture<String>> prefetches = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	private final RateLimiter rateLimiter;

	TransferService(CurrentUser user, TransferDrafts drafts, TransferValidator validator,
			CollectionDirectory collections, ConsentRoundTrip consent, MeterRegistry meters, RateLimiter rateLimiter) {
		this.user = user;
		this.drafts = drafts;
		this.validator = validator;
		this.collections = collections;
		this.consent = consent;
		this.meters = meters;
		this.rateLimiter = rateLimiter;
	}

	/**
	 * Opens a draft for a new form and fetches its submission id in the background, so
	 * that the submit click costs a single call to Transfer.
	 */
	Draft open(TransferForm form) {
		return prefetchSubmissionId(this.drafts.create(this.user.subject(), this.user.username(), form));
	}

	/**
	 * Opens a draft under a chosen id (see {@link PreparedTransfers}); fails with
	 * {@link org.springframework.dao.DuplicateKeyException} if it exists.
	 */
	Draft open(String draftId, TransferForm form) {
		return prefetchSubmissionId(this.drafts.create(draftId, this.user.subject(), this.user.username(), form));
	}

	private Draft prefetchSubmissionId(Draft draft) {
		TransferClient transfer = this.user.transfer();
		CompletableFuture<String> prefetch = CompletableFuture.supplyAsync(transfer::submissionId, this.prefetcher)
			.thenApply((id) -> this.drafts.keepSubmissionId(draft.id(), id));
		this.prefetches.put(draft.id(), prefetch);
		prefetch.whenComplete((id, ex) -> {
			this.prefetches.remove(draft.id());
			if (ex != null) {
				// Not fatal: the submit click fetches one if this did not.
				logger.info("Could not fetch a submission id ahead of time: " + ex.getMessage());
			}
		});
		return draft;
	}

	/**
	 * The draft's submission id: the one kept with it, the one being fetched for it right
	 * now (waiting for it costs less than a second call), or a new one.
	 */
	private String submissionId(Draft draft, TransferClient transfer) {
		if (draft.submissionId() != null) {
			return draft.submissionId();
		}
		CompletableFuture<String> prefetch = this.prefetches.get(draft.id());
		if (prefetch != null) {
			try {
				return prefetch.get(PREFETCH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
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

	@PreDestroy
	void stopPrefetching() {
		this.prefetcher.shutdown();
	}

	/** The user's own draft. */
	Optional<Draft> draft(String draftId) {
		return this.drafts.find(draftId, this.user.subject());
	}

	/** Validates and submits the form of a draft. */
	Outcome submit(String draftId, TransferForm form) {
		return withOpenDraft(draftId, (draft) -> {
			TransferValidator.Result result = this.validator.validate(form);
			this.drafts.saveForm(draftId, form, null);
			if (!result.valid()) {
				return new Outcome.Invalid(result.errors());
			}
			Duration wait = this.rateLimiter.acquire(this.user.subject(), RateLimiter.Action.SUBMIT);
			if (!wait.isZero()) {
				return new Outcome.Failed("Slow down: you have submitted many transfers in the last minute. Your "
						+ "transfer is kept below; submit it again in " + wait.toSeconds() + " seconds.", null);
			}
			return attempt(draft, result.document());
		});
	}

	/** Submits a saved draft after the user came back from Globus Auth. */
	Outcome resume(String draftId) {
		return withOpenDraft(draftId, (draft) -> {
			TransferValidator.Result result = this.validator.validate(draft.form());
			if (!result.valid()) {
				return new Outcome.Invalid(result.errors());
			}
			return attempt(draft, result.document());
		});
	}

	/**
	 * Runs the work on the user's draft while it is open; a draft that is not the user's
	 * fails, and one already submitted (a double click, a refresh, a second tab, a second
	 * return from Globus Auth) answers with its task.
	 */
	private Outcome withOpenDraft(String draftId, Function<Draft, Outcome> work) {
		Optional<Draft> found = draft(draftId);
		if (found.isEmpty()) {
			return new Outcome.Failed("This transfer form has expired or is not yours; please start again.", null);
		}
		Draft draft = found.get();
		return draft.submitted() ? new Outcome.Submitted(draft.taskId()) : work.apply(draft);
	}

	private Outcome attempt(Draft draft, TransferDocument document) {
		Outcome outcome = attemptOnce(draft, document);
		this.meters.counter("portal.transfer.submissions", "outcome", outcomeName(outcome)).increment();
		return outcome;
	}

	private static String outcomeName(Outcome outcome) {
		if (outcome instanceof Outcome.Submitted) {
			return "submitted";
		}
		if (outcome instanceof Outcome.NeedsConsent) {
			return "needs_consent";
		}
		return (outcome instanceof Outcome.Invalid) ? "invalid" : "failed";
	}

	private Outcome attemptOnce(Draft draft, TransferDocument document) {
		TransferClient transfer = this.user.transfer();
		try {
			Set<UUID> missing = missingDataAccess(transfer, document);
			if (!missing.isEmpty()) {
				return consentTrip(draft, () -> this.consent.startForDataAccess(PENDING_KIND, draft.id(), missing));
			}
			String submissionId = submissionId(draft, transfer);
			SubmitResult result = transfer.submitTransfer(document.withSubmissionId(submissionId));
			this.drafts.markSubmitted(draft.id(), result.taskId(), document.data());
			logger.info("Transfer " + draft.id() + " submitted as task " + result.taskId()
					+ (result.isDuplicate() ? " (Globus already had it)" : ""));
			return new Outcome.Submitted(result.taskId());
		}
		catch (AuthorizationRequiredException ex) {
			// The reactive path: Globus knows better than the preflight (unknown
			// collection types, session policies, consents revoked elsewhere).
			return consentTrip(draft, () -> this.consent.start(PENDING_KIND, draft.id(), ex.parameters()));
		}
		catch (GlobusUnauthorizedException ex) {
			// Globus no longer accepts the user's tokens, even refreshed: a new login
			// with this draft pending, so the submission finishes on return.
			return consentTrip(draft, () -> this.consent.start(PENDING_KIND, draft.id(),
					AuthorizationParameters.scopes(List.of(), null)));
		}
		catch (GlobusApiException ex) {
			String message = GlobusMessages.forSubmission(ex);
			this.drafts.saveMessage(draft.id(), message);
			return new Outcome.Failed(message, ex.requestId());
		}
	}

	/**
	 * The preflight: collections that need a data_access scope the user's token does not
	 * carry. Both documents are fetched at once (and cached).
	 */
	private Set<UUID> missingDataAccess(TransferClient transfer, TransferDocument document) {
		List<UUID> ids = List.of(UUID.fromString(document.sourceEndpoint()),
				UUID.fromString(document.destinationEndpoint()));
		Map<UUID, Collection> described;
		try {
			described = this.collections.describeAll(transfer, ids);
		}
		catch (GlobusUnauthorizedException ex) {
			throw ex;
		}
		catch (GlobusApiException ex) {
			// The preflight only saves a trip; without collection documents, submit and
			// let
			// Transfer say what it needs (the reactive path) or what is wrong.
			logger.info("Preflight skipped: collection documents unavailable (" + ex.status() + " " + ex.code() + ")");
			return Set.of();
		}
		Set<UUID> needing = described.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().requiresDataAccessScope())
			.map(Map.Entry::getKey)
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
		return this.consent.missingDataAccess(needing);
	}

	private Outcome consentTrip(Draft draft, java.util.function.Supplier<String> start) {
		if (this.drafts.countConsentTrip(draft.id()) > MAX_CONSENT_TRIPS) {
			String message = "Globus still asks for more consent after " + MAX_CONSENT_TRIPS
					+ " attempts. Check the collections' access policies, or try again later.";
			this.drafts.saveMessage(draft.id(), message);
			return new Outcome.Failed(message, null);
		}
		return new Outcome.NeedsConsent(start.get());
	}

}
