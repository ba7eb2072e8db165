package org.transferportal.schedules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;

import org.transferportal.auth.ConsentRoundTrip;
import org.transferportal.auth.CurrentUser;
import org.transferportal.collections.CollectionDirectory;
import org.transferportal.globus.AuthorizationParameters;
import org.transferportal.globus.AuthorizationRequiredException;
import org.transferportal.globus.Collection;
import org.transferportal.globus.CreatedTimer;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusProperties;
import org.transferportal.globus.GlobusScopes;
import org.transferportal.globus.GlobusUnauthorizedException;
import org.transferportal.globus.Scope;
import org.transferportal.globus.TimerJob;
import org.transferportal.globus.TimerSchedule;
import org.transferportal.globus.TimersClient;
import org.transferportal.globus.TransferClient;
import org.transferportal.globus.TransferDocument;
import org.transferportal.globus.TransferTimer;
import org.transferportal.transfer.Schedule;
import org.transferportal.transfer.TransferScheduler;

/**
 * Makes a draft's schedule at Globus Timers, exactly once. Consent first: the timer scope
 * with Transfer below it and the data_access of each mapped collection below that is
 * checked against the user's consents at Globus Auth (as Globus's CLI does), since Timers
 * itself accepts a timer that will fail at its first run. Then, Timers having no
 * submission id, the portal guards the creation itself: one attempt at a time per draft
 * (a claim in the database), and after an answer that never came, the timer is looked for
 * by the mark in its name before it is created again.
 */
@Service
class TimerCreation implements TransferScheduler {

	private static final Log logger = LogFactory.getLog(TimerCreation.class);

	/** How often a click that found another one creating the schedule looks again. */
	private static final Duration WAIT_STEP = Duration.ofMillis(200);

	static final String CONSENT_MESSAGE = "Globus Timers needs your consent to run this transfer for you, "
			+ "with access to its collections";

	static final String HIGH_ASSURANCE = "Globus Timers cannot run transfers on a high-assurance collection: "
			+ "each needs a recent login, which a schedule running on its own cannot have";

	private final CurrentUser user;

	private final ConsentRoundTrip consent;

	private final CollectionDirectory collections;

	private final ScheduleStore store;

	private final ScheduleNames names;

	private final Clock clock;

	/** An attempt not back after this is taken to have died with its instance. */
	private final Duration stale;

	/** How long a second click waits for the first one's attempt. */
	private final Duration patience;

	TimerCreation(CurrentUser user, ConsentRoundTrip consent, CollectionDirectory collections, ScheduleStore store,
			ScheduleNames names, Clock clock, GlobusProperties globus) {
		this.user = user;
		this.consent = consent;
		this.collections = collections;
		this.store = store;
		this.names = names;
		this.clock = clock;
		this.stale = globus.submitTimeout().multipliedBy(2).plusSeconds(5);
		this.patience = globus.submitTimeout().plusSeconds(5);
	}

	@Override
	public Result schedule(Request request) {
		TransferDocument document = request.document();
		TransferClient transfer = this.user.transfer();
		Map<UUID, Collection> described;
		try {
			described = this.collections.describeAll(transfer, List.of(UUID.fromString(document.sourceEndpoint()),
					UUID.fromString(document.destinationEndpoint())));
		}
		catch (GlobusApiException ex) {
			return new Result.Failed(
					"Globus could not describe the collections, so nothing was scheduled: " + ex.getMessage(),
					ex.requestId());
		}
		Map<String, String> invalid = highAssurance(document, described);
		if (!invalid.isEmpty()) {
			return new Result.Invalid(invalid);
		}
		Set<UUID> needing = new LinkedHashSet<>();
		described.forEach((id, collection) -> {
			if (collection.requiresDataAccessScope()) {
				needing.add(id);
			}
		});
		Scope required = GlobusScopes.timerWithDataAccess(needing);
		if (consentMissing(required, request.afterConsentTrip())) {
			return needsConsent(required);
		}
		return create(request, required, this.names.name(document));
	}

	/** Field errors for high-assurance collections, which no schedule can use. */
	private static Map<String, String> highAssurance(TransferDocument document, Map<UUID, Collection> described) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (Boolean.TRUE.equals(described.get(UUID.fromString(document.sourceEndpoint())).highAssurance())) {
			errors.put("source_collection", HIGH_ASSURANCE);
		}
		if (Boolean.TRUE.equals(described.get(UUID.fromString(document.destinationEndpoint())).highAssurance())) {
			errors.put("destination_collection", HIGH_ASSURANCE);
		}
		return errors;
	}

	/**
	 * Whether the user must go to Globus Auth first: the portal holds no Timers token (a
	 * login never brings one), or Globus Auth lists no consent tree meeting the timer's
	 * scope. When Auth cannot say, a trip just made for this draft is trusted; before
	 * one, the trip is made (Globus approves it without a page when everything is
	 * granted).
	 */
	private boolean consentMissing(Scope required, boolean afterConsentTrip) {
		if (!this.user.holdsTimersToken()) {
			return true;
		}
		Optional<Boolean> met = this.consent.consented(required);
		return met.map((granted) -> !granted).orElse(!afterConsentTrip);
	}

	private static Result needsConsent(Scope required) {
		return new Result.NeedsConsent(AuthorizationParameters.scopes(List.of(required.toString()), CONSENT_MESSAGE));
	}

	/** Creates the timer once, whoever else is trying at the same time. */
	private Result create(Request request, Scope required, String name) {
		String draftId = request.draftId();
		ScheduleStore.Row row = this.store.open(draftId, this.user.subject(), this.user.username(), name,
				request.document().sourceEndpoint(), request.document().destinationEndpoint());
		Instant giveUp = this.clock.instant().plus(this.patience);
		while (!row.created() && !this.store.claim(draftId, this.clock.instant().minus(this.stale))) {
			// Another click (or instance) is creating it now: wait for its outcome.
			if (this.clock.instant().isAfter(giveUp)) {
				return new Result.Failed("Your schedule is still being created. Open Schedules in a moment to see it; "
						+ "submitting again will not create a second one.", null);
			}
			sleep();
			row = this.store.find(draftId).orElseThrow();
		}
		if (row.created()) {
			return new Result.Created(row.timerId());
		}
		row = this.store.find(draftId).orElseThrow();
		TimersClient timers = this.user.timers();
		String named = ScheduleNames.marked(name, row.marker());
		try {
			if (row.attempts() > 1) {
				Optional<TimerJob> earlier = findMarked(timers, row.marker());
				if (earlier.isPresent()) {
					return created(draftId, earlier.get().id(), earlier.get().status());
				}
			}
			CreatedTimer timer = timers
				.create(new TransferTimer(named, timerSchedule(request.schedule()), body(request.document(), name)));
			return created(draftId, timer.id(), timer.status());
		}
		catch (AuthorizationRequiredException ex) {
			this.store.release(draftId);
			return ex.parameters().requiredScopes().isEmpty() && !ex.parameters().requiresSession()
					? needsConsent(required) : new Result.NeedsConsent(ex.parameters());
		}
		catch (GlobusUnauthorizedException ex) {
			// The Timers token was refused even refreshed (its consent revoked at
			// Globus).
			this.store.release(draftId);
			return needsConsent(required);
		}
		catch (GlobusApiException ex) {
			return afterFailure(draftId, timers, row.marker(), ex);
		}
	}

	/**
	 * After a failed creation: when Timers may have made the timer all the same (no
	 * answer, or a 5xx after the request was sent), it is looked for before anything is
	 * said; otherwise nothing was made and the draft is handed back.
	 */
	private Result afterFailure(String draftId, TimersClient timers, String marker, GlobusApiException ex) {
		boolean unknown = ex.status() == 0 || ex.status() >= 500;
		if (unknown) {
			try {
				Optional<TimerJob> made = findMarked(timers, marker);
				if (made.isPresent()) {
					logger.info("Timer creation for draft " + draftId + " lost its answer; found the timer made");
					return created(draftId, made.get().id(), made.get().status());
				}
			}
			catch (GlobusApiException | GlobusUnauthorizedException lookup) {
				// Not known either way: the next attempt looks again before creating.
				logger.info("Could not look for a timer whose creation lost its answer: " + lookup.getMessage());
			}
		}
		this.store.release(draftId);
		String message = unknown
				? "Globus Timers did not answer in time, and no schedule was found there, so nothing was "
						+ "created. Your transfer is kept below: submit it again to schedule it."
				: "Globus Timers refused the schedule: " + ex.getMessage();
		return new Result.Failed(message, ex.requestId());
	}

	private Result created(String draftId, String timerId, String status) {
		this.store.created(draftId, timerId, status);
		return new Result.Created(timerId);
	}

	/** The user's timer whose name carries the mark, if Timers has one. */
	private static Optional<TimerJob> findMarked(TimersClient timers, String marker) {
		String mark = ScheduleNames.mark(marker);
		return timers.jobs(mark, List.of())
			.stream()
			.filter((job) -> job.name() != null && job.name().contains(mark))
			.findFirst();
	}

	/**
	 * Timers' schedule; one run on a repeating schedule is a once schedule (the CLI's
	 * rule).
	 */
	static TimerSchedule timerSchedule(Schedule schedule) {
		if (!schedule.recurring()) {
			return TimerSchedule.once(schedule.start());
		}
		TimerSchedule.End end = (schedule.endCount() != null) ? TimerSchedule.End.afterRuns(schedule.endCount())
				: (schedule.end() != null) ? TimerSchedule.End.at(schedule.end()) : null;
		return TimerSchedule.recurring(schedule.intervalSeconds(), schedule.start(), end);
	}

	/**
	 * The transfer each run submits: the form's, labelled with the schedule's name when
	 * the form gave no label, so that its tasks say which schedule made them.
	 */
	static TransferDocument body(TransferDocument document, String name) {
		return (document.label() != null) ? document : document.withLabel(ScheduleNames.label(name));
	}

	private void sleep() {
		try {
			Thread.sleep(WAIT_STEP.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a schedule being created", ex);
		}
	}

}
