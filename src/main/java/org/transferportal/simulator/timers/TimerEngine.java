package org.transferportal.simulator.timers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.transferportal.simulator.CollectionCatalog;
import org.transferportal.simulator.ConsentLedger;
import org.transferportal.simulator.SimCollection;
import org.transferportal.simulator.SimJson;
import org.transferportal.simulator.SimulatorProperties;
import org.transferportal.simulator.TokenStore;
import org.transferportal.simulator.transfer.TransferOnBehalf;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs simulated timers as Globus Timers does: a run at each tick of the schedule
 * ({@code start + n * interval}) submits the timer's transfer as its owner; a tick that
 * comes while the previous run's task is still going is skipped and not counted; a user's
 * timers together run at most once a minute (on the timers' clock). A run that meets a
 * missing consent — the grant the timer holds was revoked, or Transfer answers
 * {@code ConsentRequired} for a data_access below the timer's chain — makes the timer
 * {@code inactive} with the requirement in {@code inactive_reason}, until it is resumed.
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class TimerEngine implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(TimerEngine.class);

	static final String TIMER_SCOPE = "https://auth.globus.org/scopes/" + TokenStore.TIMERS + "/timer";

	static final String TRANSFER_ALL = "urn:globus:auth:scope:transfer.api.globus.org:all";

	/** Where a timer's data_access consents hang: below Transfer, below Timers. */
	static final List<String> CHAIN = List.of(TIMER_SCOPE, TRANSFER_ALL);

	/** A user's timers run at most this often together (Timers' documented limit). */
	static final Duration USER_RUN_SPACING = Duration.ofMinutes(1);

	/** Timers keeps only this much of a timer's past runs (on its clock). */
	static final Duration KEPT_RUNS = Duration.ofDays(90);

	static final String CONSENT_MESSAGE = "Missing required data_access consent";

	private final Map<String, SimTimer> timers = new ConcurrentHashMap<>();

	/** owner id → real time of its last run. */
	private final Map<String, Instant> lastRunOf = new ConcurrentHashMap<>();

	private final SimulatorProperties properties;

	private final TokenStore clock;

	private final ConsentLedger consents;

	private final CollectionCatalog collections;

	private final TransferOnBehalf transfer;

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "globus-simulator-timers");
		thread.setDaemon(true);
		return thread;
	});

	@Autowired
	TimerEngine(SimulatorProperties properties, TokenStore clock, ConsentLedger consents, CollectionCatalog collections,
			TransferOnBehalf transfer) {
		this(properties, clock, consents, collections, transfer, true);
	}

	/**
	 * @param ticking whether a thread moves the timers along every 100 ms (a test moves
	 * them with {@link #tick} instead)
	 */
	TimerEngine(SimulatorProperties properties, TokenStore clock, ConsentLedger consents, CollectionCatalog collections,
			TransferOnBehalf transfer, boolean ticking) {
		this.properties = properties;
		this.clock = clock;
		this.consents = consents;
		this.collections = collections;
		this.transfer = transfer;
		if (ticking) {
			this.ticker.scheduleWithFixedDelay(this::tickAll, 100, 100, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void destroy() {
		this.ticker.shutdownNow();
	}

	Instant now() {
		return this.clock.now();
	}

	SimTimer create(String ownerId, String clientId, TimerRequests.NewTimer request) {
		Long credential = this.consents.consentId(ownerId, clientId, List.of(TIMER_SCOPE)).orElse(null);
		String name = (request.name() != null) ? request.name() : "Timer " + Instant.now();
		SimTimer timer = new SimTimer(UUID.randomUUID().toString(), ownerId, clientId, name, request.plan(),
				request.body(), now(), this.properties.timersAcceleration(), credential);
		this.timers.put(timer.id, timer);
		return timer;
	}

	/** The owner's timer; another user's or a deleted one is not found. */
	Optional<SimTimer> find(String ownerId, String id) {
		SimTimer timer = this.timers.get(id);
		return (timer != null && timer.ownerId.equals(ownerId) && !"deleted".equals(timer.status)) ? Optional.of(timer)
				: Optional.empty();
	}

	List<SimTimer> listOf(String ownerId) {
		return this.timers.values()
			.stream()
			.filter((t) -> t.ownerId.equals(ownerId) && t.listed())
			.sorted(Comparator.comparing((SimTimer t) -> t.submittedAt))
			.toList();
	}

	/** The status of one of the owner's tasks, for run documents. */
	String taskStatus(String ownerId, String taskId) {
		return (taskId != null) ? this.transfer.status(ownerId, taskId).orElse(null) : null;
	}

	void pause(SimTimer timer) {
		synchronized (timer) {
			if ("ended".equals(timer.status) || !timer.listed()) {
				throw TimerError.of(409, "CONFLICT", "Job " + timer.id + " has ended and cannot be paused");
			}
			timer.status = "inactive";
			timer.inactiveCause = "user";
			timer.inactiveDetail = null;
		}
	}

	/**
	 * Resumes a timer: it is active again and a run it missed runs at once (its next tick
	 * is in the past). With {@code updateCredentials} it takes the owner's current
	 * consent to Timers in place of the one it held.
	 */
	void resume(SimTimer timer, boolean updateCredentials) {
		synchronized (timer) {
			if ("ended".equals(timer.status) || !timer.listed()) {
				throw TimerError.of(409, "CONFLICT", "Job " + timer.id + " has ended and cannot be resumed");
			}
			if (updateCredentials) {
				timer.credential = this.consents.consentId(timer.ownerId, timer.clientId, List.of(TIMER_SCOPE))
					.orElse(null);
			}
			if ("inactive".equals(timer.status)) {
				timer.status = "active";
				timer.inactiveCause = null;
				timer.inactiveDetail = null;
			}
		}
	}

	void rename(SimTimer timer, String name) {
		synchronized (timer) {
			timer.name = name;
		}
	}

	void delete(SimTimer timer) {
		synchronized (timer) {
			timer.status = "delete_in_progress";
			timer.deletedAt = now();
		}
	}

	private void tickAll() {
		Instant now = now();
		for (SimTimer timer : this.timers.values()) {
			try {
				tick(timer, now);
			}
			catch (RuntimeException ex) {
				logger.warn("Simulated timer " + timer.id + " failed a tick", ex);
			}
		}
	}

	/** Moves one timer along to this real instant. */
	void tick(SimTimer timer, Instant now) {
		synchronized (timer) {
			if ("delete_in_progress".equals(timer.status)) {
				// Timers' background worker removes it a moment later.
				timer.status = "deleted";
				return;
			}
			if ("new".equals(timer.status)) {
				timer.status = "active";
			}
			Instant clock = timer.clock(now);
			timer.runs.removeIf((run) -> run.ranAt().isBefore(clock.minus(KEPT_RUNS)));
			if (timer.current != null && !"ACTIVE".equals(taskStatus(timer.ownerId, timer.current.taskId()))) {
				timer.current = null;
			}
			if (!"active".equals(timer.status) || timer.nextRun == null || clock.isBefore(timer.nextRun)) {
				return;
			}
			if (timer.current != null) {
				// Still running: this tick is skipped, and does not count as a run.
				advance(timer, clock, false);
				return;
			}
			Instant last = this.lastRunOf.get(timer.ownerId);
			Duration spacing = Duration
				.ofMillis(Math.round(USER_RUN_SPACING.toMillis() / this.properties.timersAcceleration()));
			if (last != null && last.plus(spacing).isAfter(now)) {
				return;
			}
			run(timer, clock, now);
		}
	}

	private void run(SimTimer timer, Instant clock, Instant now) {
		Optional<Long> grant = this.consents.consentId(timer.ownerId, timer.clientId, List.of(TIMER_SCOPE));
		if (grant.isEmpty() || !grant.get().equals(timer.credential)
				|| !this.consents.has(timer.ownerId, timer.clientId, CHAIN)) {
			// The consent the timer's grant rests on is gone: only the owner can renew it
			// (consent again, then resume with update_credentials).
			inactive(timer, "ConsentRequired", "The consent to Globus Timers this timer runs with was revoked",
					timerScope(dataAccessScopes(timer)));
			return;
		}
		Instant tick = timer.nextRun;
		String submissionId = UUID.nameUUIDFromBytes((timer.id + "|" + tick).getBytes(StandardCharsets.UTF_8))
			.toString();
		TransferOnBehalf.Result result = this.transfer.submit(timer.ownerId, timer.clientId, timer.body, submissionId,
				CHAIN);
		if (!result.accepted() && result.error().get("authorization_parameters") instanceof Map<?, ?> parameters) {
			// A Globus Auth requirement makes the timer inactive, carrying it; the tick
			// is
			// not used up, so resuming runs it. Transfer names what it lacks below its
			// own
			// scope; Timers asks for it below the timer's chain.
			if ("ConsentRequired".equals(result.error().get("code"))) {
				inactive(timer, "ConsentRequired", CONSENT_MESSAGE, timerScope(missingDataAccess(parameters, timer)));
			}
			else {
				timer.status = "inactive";
				timer.inactiveCause = "globus_auth_requirements";
				timer.inactiveDetail = SimJson.object("code", result.error().get("code"), "authorization_parameters",
						parameters);
			}
			return;
		}
		SimTimer.Run run = new SimTimer.Run(tick, result.taskId(), result.status(),
				result.accepted() ? null : result.error());
		timer.runs.add(run);
		timer.runCount++;
		timer.lastRanAt = tick;
		this.lastRunOf.put(timer.ownerId, now);
		if (result.accepted()) {
			timer.current = run;
		}
		else {
			timer.errorCount++;
		}
		advance(timer, clock, true);
	}

	/**
	 * The next tick after a run or a skipped tick; the timer ends when its schedule has
	 * no run left.
	 */
	private void advance(SimTimer timer, Instant clock, boolean ran) {
		TimerRequests.Plan plan = timer.plan;
		if (!plan.recurring()) {
			if (ran) {
				end(timer);
			}
			return;
		}
		if (plan.endCount() != null && timer.runCount >= plan.endCount()) {
			end(timer);
			return;
		}
		Instant after = clock.isAfter(timer.nextRun) ? clock : timer.nextRun;
		Instant next = timer.tickAfter(after);
		if (plan.endTime() != null && next.isAfter(plan.endTime())) {
			end(timer);
			return;
		}
		timer.nextRun = next;
	}

	private static void end(SimTimer timer) {
		timer.status = "ended";
		timer.nextRun = null;
	}

	private void inactive(SimTimer timer, String code, String message, String requiredScope) {
		timer.status = "inactive";
		timer.inactiveCause = "globus_auth_requirements";
		timer.inactiveDetail = SimJson.object("code", code, "authorization_parameters",
				SimJson.object("session_message", message, "required_scopes", List.of(requiredScope)));
	}

	/**
	 * The data_access scopes Transfer said were missing ({@code required_scopes} of its
	 * {@code ConsentRequired}), or else all the timer's.
	 */
	private List<String> missingDataAccess(Map<?, ?> parameters, SimTimer timer) {
		List<String> missing = new ArrayList<>();
		if (parameters.get("required_scopes") instanceof List<?> scopes) {
			for (Object scope : scopes) {
				java.util.regex.Matcher matcher = java.util.regex.Pattern
					.compile("\\*?(https://auth\\.globus\\.org/scopes/[0-9a-f-]{36}/data_access)")
					.matcher(String.valueOf(scope));
				while (matcher.find()) {
					missing.add(matcher.group(1));
				}
			}
		}
		return missing.isEmpty() ? dataAccessScopes(timer) : missing;
	}

	/** The data_access scopes of the timer's collections that need one. */
	private List<String> dataAccessScopes(SimTimer timer) {
		List<String> scopes = new ArrayList<>();
		for (String field : List.of("source_endpoint", "destination_endpoint")) {
			this.collections.find(timer.body.path(field).asString(""))
				.filter(SimCollection::requiresDataAccess)
				.map(SimCollection::dataAccessScope)
				.filter((scope) -> !scopes.contains(scope))
				.ifPresent(scopes::add);
		}
		return scopes;
	}

	/**
	 * Timers' scope with Transfer and these data_access scopes below it, as Globus writes
	 * it.
	 */
	static String timerScope(List<String> dataAccess) {
		String transfer = dataAccess.isEmpty() ? TRANSFER_ALL
				: TRANSFER_ALL + "[*" + String.join(" *", dataAccess) + "]";
		return TIMER_SCOPE + "[" + transfer + "]";
	}

}
