package org.transferportal.transfer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
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
import org.transferportal.support.SlowDownException;
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

	private final ObjectProvider<TransferScheduler> scheduler;

	private final Clock clock;

	TransferService(CurrentUser user, TransferDrafts drafts, FormTranslator translator, SubmissionIds submissionIds,
			ConsentPreflight preflight, ConsentRoundTrip consent, MeterRegistry meters, RateLimiter rateLimiter,
			ObjectProvider<TransferScheduler> scheduler, Clock clock) {
		this.scheduler = scheduler;
		this.clock = clock;
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
	 * A key for a form about to be shown: the form's draft is created from it at the
	 * form's first post ({@link #open(UUID, TransferForm)}), nothing before. The draft's
	 * submission id is fetched meanwhile into this instance's memory, so that the submit
	 * click costs a single call to Transfer.
	 */
	UUID newForm() {
		UUID key = UUID.randomUUID();
		this.submissionIds.prefetch(draftId(key), this.user.transfer());
		return key;
	}

	/**
	 * The draft a form's post goes to: the one its key made at an earlier post (a double
	 * click, a form shown again with errors), or a new one.
	 * @throws SlowDownException when the user has opened many drafts in the last minute
	 */
	Draft open(UUID key, TransferForm form) {
		return open(draftId(key), form);
	}

	/**
	 * Opens a draft under an id derived from a key and a purpose (see
	 * {@link PreparedTransfers}), or finds the one opened with it before.
	 * @throws SlowDownException when the user has opened many drafts in the last minute
	 */
	Draft open(String purpose, UUID key, TransferForm form) {
		return open(derived(purpose, key), form);
	}

	/**
	 * The draft's id for a form's key: derived from the key and the user, so that a key
	 * can never reach another user's draft.
	 */
	String draftId(UUID key) {
		return derived("form", key);
	}

	private String derived(String purpose, UUID key) {
		return FormDraft.derived(this.user.subject(), purpose, key);
	}

	private Draft open(String draftId, TransferForm form) {
		String subject = this.user.subject();
		Optional<Draft> existing = this.drafts.find(draftId, subject);
		if (existing.isPresent()) {
			return existing.get();
		}
		Duration wait = this.rateLimiter.acquire(subject, RateLimiter.Action.DRAFT);
		if (!wait.isZero()) {
			throw new SlowDownException(wait);
		}
		try {
			return this.drafts.create(draftId, subject, this.user.username(), form);
		}
		catch (DuplicateKeyException ex) {
			// The same post racing on another thread or instance: carry on with its
			// draft.
			return this.drafts.find(draftId, subject).orElseThrow(() -> ex);
		}
	}

	/**
	 * The user's own draft, to show: its submission id is fetched ahead if it has none,
	 * as for a new form.
	 */
	Optional<Draft> show(String draftId) {
		Optional<Draft> draft = draft(draftId);
		draft.filter((found) -> !found.submitted() && found.submissionId() == null)
			.ifPresent((found) -> this.submissionIds.prefetch(found.id(), this.user.transfer()));
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

	/**
	 * Validates and submits the form of a draft, now.
	 * @param deletionConfirmation what the user's confirmation of deleting files at the
	 * destination carried ({@link DeletionConfirmation}), or {@code null}; a transfer
	 * that deletes is not submitted without it
	 */
	TransferOutcome submit(String draftId, TransferForm form, String deletionConfirmation) {
		return submit(draftId, form, deletionConfirmation, ScheduleForm.now());
	}

	/**
	 * Validates the form of a draft and submits it now, or hands it to Globus Timers when
	 * its schedule section asks for later.
	 * @param deletionConfirmation as for {@link #submit(String, TransferForm, String)}
	 */
	TransferOutcome submit(String draftId, TransferForm form, String deletionConfirmation, ScheduleForm schedule) {
		return draft(draftId).map((draft) -> submitOpened(draft, form, deletionConfirmation, schedule))
			.orElseGet(TransferOutcome.Gone::new);
	}

	/**
	 * As {@link #submit(String, TransferForm, String, ScheduleForm)}, for a draft this
	 * same request has just made or read ({@link #open(UUID, TransferForm)}): it is not
	 * read again. Should a racing post submit it meanwhile, this attempt carries the
	 * submission id kept first, so Globus answers with the same task, and the record is
	 * written once.
	 */
	TransferOutcome submitOpened(Draft opened, TransferForm form, String deletionConfirmation, ScheduleForm schedule) {
		String draftId = opened.id();
		return withOpenDraft(opened, (draft) -> {
			FormTranslator.Result result = this.translator.translate(form);
			if (!form.equals(draft.form()) || draft.message() != null) {
				// Unchanged (a draft made by this very post) is not written again.
				this.drafts.saveForm(draftId, form, null);
			}
			if (draft.schedule() != null || !schedule.isNow()) {
				this.drafts.saveSchedule(draftId, schedule);
			}
			Map<String, String> errors = new LinkedHashMap<>(result.errors());
			errors.putAll(scheduleErrors(form, schedule));
			if (!errors.isEmpty()) {
				return new TransferOutcome.Invalid(errors);
			}
			if (Boolean.TRUE.equals(result.document().deleteDestinationExtra())
					&& !DeletionConfirmation.confirms(form, deletionConfirmation)) {
				return new TransferOutcome.Invalid(Map.of(DeletionConfirmation.FIELD, DeletionConfirmation.PROBLEM));
			}
			Duration wait = this.rateLimiter.acquire(this.user.subject(), RateLimiter.Action.SUBMIT);
			if (!wait.isZero()) {
				return new TransferOutcome.Failed(
						"Slow down: you have submitted many transfers in the last minute. Your "
								+ "transfer is kept below; submit it again in " + wait.toSeconds() + " seconds.",
						null);
			}
			return schedule.isNow() ? attempt(draft, result.document())
					: scheduleAttempt(draft, result.document(), schedule);
		});
	}

	/** Submits (or schedules) a saved draft after the user came back from Globus Auth. */
	TransferOutcome resume(String draftId) {
		return withOpenDraft(draftId, (draft) -> {
			FormTranslator.Result result = this.translator.translate(draft.form());
			ScheduleForm schedule = draft.asksForSchedule() ? draft.schedule() : ScheduleForm.now();
			Map<String, String> errors = new LinkedHashMap<>(result.errors());
			errors.putAll(scheduleErrors(draft.form(), schedule));
			if (!errors.isEmpty()) {
				return new TransferOutcome.Invalid(errors);
			}
			return schedule.isNow() ? attempt(draft, result.document())
					: scheduleAttempt(draft, result.document(), schedule);
		});
	}

	/**
	 * What is wrong with the schedule section as given (a deep link, a draft shown
	 * again), by field name, as of now.
	 */
	public Map<String, String> checkSchedule(ScheduleForm schedule) {
		return schedule.errors(this.clock.instant());
	}

	/**
	 * The schedule section's problems, and the deadline's with it: every run of a
	 * recurring schedule would share one fixed deadline, and a single run must start
	 * before its deadline.
	 */
	private Map<String, String> scheduleErrors(TransferForm form, ScheduleForm schedule) {
		Instant now = this.clock.instant();
		Map<String, String> errors = new LinkedHashMap<>(schedule.errors(now));
		if (schedule.isNow() || !errors.isEmpty() || form.deadline().isBlank()) {
			return errors;
		}
		if (schedule.isRecurring()) {
			errors.put("deadline", "A schedule runs again and again, so its runs cannot share one deadline: "
					+ "leave the deadline empty");
		}
		else {
			Instant deadline = ScheduleForm.time(form.deadline(), "deadline", new LinkedHashMap<>());
			Instant start = schedule.schedule(now).start();
			if (deadline != null && !deadline.isAfter((start != null) ? start : now)) {
				errors.put("deadline", "The deadline must come after the time the transfer runs");
			}
		}
		return errors;
	}

	/**
	 * Hands a checked transfer to Globus Timers as a schedule: created once whatever
	 * happens, or a trip to Globus Auth first (counted with the draft's other trips).
	 */
	private TransferOutcome scheduleAttempt(Draft draft, TransferDocument document, ScheduleForm form) {
		TransferScheduler scheduler = this.scheduler.getIfAvailable();
		if (scheduler == null) {
			return new TransferOutcome.Failed("This portal cannot schedule transfers.", null);
		}
		Schedule schedule = form.schedule(this.clock.instant());
		TransferScheduler.Result result = scheduler
			.schedule(new TransferScheduler.Request(draft.id(), document, schedule, draft.consentTrips() > 0));
		TransferOutcome outcome;
		if (result instanceof TransferScheduler.Result.Created created) {
			this.drafts.markScheduled(draft.id(), created.scheduleId());
			logger.info("Transfer " + draft.id() + " scheduled as timer " + created.scheduleId());
			outcome = new TransferOutcome.Scheduled(created.scheduleId());
		}
		else if (result instanceof TransferScheduler.Result.NeedsConsent needs) {
			outcome = consentTrip(draft, () -> this.consent.start(PENDING_KIND, draft.id(), needs.parameters()));
		}
		else if (result instanceof TransferScheduler.Result.Invalid invalid) {
			outcome = new TransferOutcome.Invalid(invalid.errors());
		}
		else {
			TransferScheduler.Result.Failed failed = (TransferScheduler.Result.Failed) result;
			outcome = new TransferOutcome.Failed(failed.message(), failed.requestId());
		}
		this.meters.counter("portal.schedule.creations", "outcome", outcome.kind()).increment();
		return outcome;
	}

	/**
	 * Runs the work on the user's draft while it is open; a draft that is not the user's
	 * fails, and one already submitted (a double click, a refresh, a second tab, a second
	 * return from Globus Auth) answers with its task. A draft left open keeps the reason,
	 * so that its form says why whenever it is shown.
	 */
	private TransferOutcome withOpenDraft(String draftId, Function<Draft, TransferOutcome> work) {
		return draft(draftId).map((draft) -> withOpenDraft(draft, work)).orElseGet(TransferOutcome.Gone::new);
	}

	private TransferOutcome withOpenDraft(Draft draft, Function<Draft, TransferOutcome> work) {
		String draftId = draft.id();
		if (draft.submitted()) {
			return new TransferOutcome.Submitted(draft.taskId());
		}
		if (draft.scheduled()) {
			return new TransferOutcome.Scheduled(draft.scheduleId());
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
			this.drafts.markSubmitted(draft.id(), result.taskId(), document);
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
