package org.transferportal.transfer;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import org.transferportal.auth.ConsentRoundTrip;
import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.AuthorizationParameters;
import org.transferportal.globus.AuthorizationRequiredException;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusUnauthorizedException;
import org.transferportal.globus.SubmitResult;
import org.transferportal.globus.TransferClient;
import org.transferportal.globus.TransferDocument;
import org.transferportal.support.RateLimiter;
import org.transferportal.transfer.TransferDrafts.Draft;

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

	private final CurrentUser user;

	private final TransferDrafts drafts;

	private final FormTranslator translator;

	private final SubmissionIds submissionIds;

	private final ConsentPreflight preflight;

	private final ConsentRoundTrip consent;

	private final MeterRegistry meters;

	private final RateLimiter rateLimiter;

	TransferService(CurrentUser user, TransferDrafts drafts, FormTranslator translator, SubmissionIds submissionIds,
			ConsentPreflight preflight, ConsentRoundTrip consent, MeterRegistry meters, RateLimiter rateLimiter) {
		this.user = user;
		this.drafts = drafts;
		this.translator = translator;
		this.submissionIds = submissionIds;
		this.preflight = preflight;
		this.consent = consent;
		this.meters = meters;
		this.rateLimiter = rateLimiter;
	}

	/**
	 * Opens a draft for a new form and fetches its submission id in the background, so
	 * that the submit click costs a single call to Transfer.
	 */
	Draft open(TransferForm form) {
		return prefetched(this.drafts.create(this.user.subject(), this.user.username(), form));
	}

	/**
	 * Opens a draft under a chosen id (see {@link PreparedTransfers}); fails with
	 * {@link DuplicateKeyException} if it exists.
	 */
	Draft open(String draftId, TransferForm form) {
		return prefetched(this.drafts.create(draftId, this.user.subject(), this.user.username(), form));
	}

	private Draft prefetched(Draft draft) {
		this.submissionIds.prefetch(draft.id(), this.user.transfer());
		return draft;
	}

	/** The user's own draft. */
	Optional<Draft> draft(String draftId) {
		return this.drafts.find(draftId, this.user.subject());
	}

	/**
	 * Keeps the form in the user's open draft without submitting it (a search or a trip
	 * to the file manager); {@code false} when the draft is not open or not theirs.
	 */
	boolean keep(String draftId, TransferForm form) {
		Optional<Draft> draft = draft(draftId);
		if (draft.isEmpty() || draft.get().submitted()) {
			return false;
		}
		this.drafts.saveForm(draftId, form, null);
		return true;
	}

	/**
	 * Applies what the file manager chose to one side of the user's open draft;
	 * {@code false} when the draft is not open or not theirs.
	 */
	boolean choose(String draftId, FormChoice choice) {
		Optional<Draft> draft = draft(draftId);
		if (draft.isEmpty() || draft.get().submitted()) {
			return false;
		}
		this.drafts.saveForm(draftId, choice.applyTo(draft.get().form()), null);
		return true;
	}

	/** The user's own submitted transfer that became this task. */
	Optional<Draft> draftOfTask(String taskId) {
		return this.drafts.findByTask(taskId, this.user.subject());
	}

	/** Validates and submits the form of a draft. */
	TransferOutcome submit(String draftId, TransferForm form) {
		return withOpenDraft(draftId, (draft) -> {
			FormTranslator.Result result = this.translator.translate(form);
			this.drafts.saveForm(draftId, form, null);
			if (!result.valid()) {
				return new TransferOutcome.Invalid(result.errors());
			}
			Duration wait = this.rateLimiter.acquire(this.user.subject(), RateLimiter.Action.SUBMIT);
			if (!wait.isZero()) {
				return new TransferOutcome.Failed(
						"Slow down: you have submitted many transfers in the last minute. Your "
								+ "transfer is kept below; submit it again in " + wait.toSeconds() + " seconds.",
						null);
			}
			return attempt(draft, result.document());
		});
	}

	/** Submits a saved draft after the user came back from Globus Auth. */
	TransferOutcome resume(String draftId) {
		return withOpenDraft(draftId, (draft) -> {
			FormTranslator.Result result = this.translator.translate(draft.form());
			if (!result.valid()) {
				return new TransferOutcome.Invalid(result.errors());
			}
			return attempt(draft, result.document());
		});
	}

	/**
	 * Runs the work on the user's draft while it is open; a draft that is not the user's
	 * fails, and one already submitted (a double click, a refresh, a second tab, a second
	 * return from Globus Auth) answers with its task. A draft left open keeps the reason,
	 * so that its form says why whenever it is shown.
	 */
	private TransferOutcome withOpenDraft(String draftId, Function<Draft, TransferOutcome> work) {
		Optional<Draft> found = draft(draftId);
		if (found.isEmpty()) {
			return new TransferOutcome.Failed("This transfer form has expired or is not yours; please start again.",
					null);
		}
		Draft draft = found.get();
		if (draft.submitted()) {
			return new TransferOutcome.Submitted(draft.taskId());
		}
		TransferOutcome outcome = work.apply(draft);
		if (!outcome.leavesForm()) {
			this.drafts.saveMessage(draftId, outcome.message());
		}
		return outcome;
	}

	private TransferOutcome attempt(Draft draft, TransferDocument document) {
		TransferOutcome outcome = attemptOnce(draft, document);
		this.meters.counter("portal.transfer.submissions", "outcome", outcome.kind()).increment();
		return outcome;
	}

	private TransferOutcome attemptOnce(Draft draft, TransferDocument document) {
		TransferClient transfer = this.user.transfer();
		try {
			Set<UUID> missing = this.preflight.missingDataAccess(transfer, document);
			if (!missing.isEmpty()) {
				return consentTrip(draft, () -> this.consent.startForDataAccess(PENDING_KIND, draft.id(), missing));
			}
			String submissionId = this.submissionIds.of(draft, transfer);
			SubmitResult result = transfer.submitTransfer(document.withSubmissionId(submissionId));
			this.drafts.markSubmitted(draft.id(), result.taskId(), document.data());
			logger.info("Transfer " + draft.id() + " submitted as task " + result.taskId()
					+ (result.isDuplicate() ? " (Globus already had it)" : ""));
			return new TransferOutcome.Submitted(result.taskId());
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
			return new TransferOutcome.Failed(GlobusMessages.forSubmission(ex), ex.requestId());
		}
	}

	private TransferOutcome consentTrip(Draft draft, Supplier<String> start) {
		return this.preflight.trip(draft.id(), start)
			.<TransferOutcome>map(TransferOutcome.NeedsConsent::new)
			.orElseGet(() -> new TransferOutcome.Failed(ConsentPreflight.TOO_MANY_TRIPS, null));
	}

}
