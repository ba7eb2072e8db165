package org.transferportal.simulator.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import org.transferportal.simulator.CollectionCatalog;
import org.transferportal.simulator.SimulatorProperties;
import org.transferportal.simulator.TokenStore;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs simulated tasks over simulated time ({@code simulator.time-acceleration}) the way
 * Transfer does: at most three transfer and three delete tasks of a user at work, the
 * others queued; a path that keeps failing retried until the deadline or a cancel unless
 * the task skips it; INACTIVE while the owner's consent or credentials are missing. Keeps
 * submission ids idempotent, and forgets old finished tasks
 * ({@code simulator.kept-finished-tasks}, {@code simulator.finished-task-lifetime}).
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class TaskEngine implements DisposableBean {

	/** Simulated throughput in bytes per simulated second. */
	static final double BYTES_PER_SECOND = 50_000_000;

	/** When, in simulated seconds of work, a task first meets its failing paths. */
	static final double FIRST_ATTEMPT_SECONDS = 1.0;

	/** Tasks of one type a user has at work at once (reference §2.4). */
	static final int SLOTS_PER_USER = 3;

	/** Retries back off from this many simulated seconds ... */
	static final double FIRST_RETRY_SECONDS = 30;

	/** ... doubling up to this. */
	static final double LONGEST_RETRY_SECONDS = 600;

	/** Error events kept per task; Transfer counts further faults without them here. */
	static final int MAX_EVENTS = 500;

	private static final Duration SWEEP_EVERY = Duration.ofSeconds(2);

	/** Transfer starts a user's queued tasks in the order they were requested. */
	private static final Comparator<SimTask> QUEUE_ORDER = Comparator.comparing((SimTask t) -> t.requestTime)
		.thenComparing((t) -> t.id);

	private static final NavigableSet<SimTask> EMPTY = new ConcurrentSkipListSet<>(QUEUE_ORDER);

	private final Map<String, SimTask> tasks = new ConcurrentHashMap<>();

	/** owner id + "|" + submission id → task id. */
	private final Map<String, String> submissions = new ConcurrentHashMap<>();

	/** owner id → its unfinished tasks, in the order Transfer starts them. */
	private final Map<String, NavigableSet<SimTask>> unfinished = new ConcurrentHashMap<>();

	/**
	 * owner id → how many of its unfinished tasks are deletes (guarded by
	 * {@link #schedule}).
	 */
	private final Map<String, Integer> unfinishedDeletes = new ConcurrentHashMap<>();

	/** owner id → its finished tasks, oldest first (guarded by {@link #schedule}). */
	private final Map<String, Deque<SimTask>> finishedByOwner = new ConcurrentHashMap<>();

	/** Guards the slots and queues of every owner. */
	private final Object schedule = new Object();

	private final SimulatorProperties properties;

	private final SimFileSystem files;

	private final TokenStore clock;

	private final CollectionCatalog catalog;

	private final TaskConditions conditions;

	private volatile Instant lastSweep = Instant.EPOCH;

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "globus-simulator-tasks");
		thread.setDaemon(true);
		return thread;
	});

	TaskEngine(SimulatorProperties properties, SimFileSystem files, TokenStore clock, TransferAccess access,
			CollectionCatalog catalog) {
		this.properties = properties;
		this.files = files;
		this.clock = clock;
		this.catalog = catalog;
		this.conditions = new TaskConditions(clock, access, catalog);
		this.ticker.scheduleWithFixedDelay(this::tick, 200, 200, TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		this.ticker.shutdownNow();
	}

	Instant now() {
		return this.clock.now();
	}

	static double simulatedSeconds(long bytes, long stepCount) {
		return 2.0 + bytes / BYTES_PER_SECOND + stepCount * 0.001;
	}

	/** The task already created for this submission id, if any. */
	Optional<SimTask> findSubmission(String ownerId, String submissionId) {
		String taskId = this.submissions.get(ownerId + "|" + submissionId);
		return Optional.ofNullable((taskId != null) ? this.tasks.get(taskId) : null);
	}

	/**
	 * Creates a task unless one exists for the submission id, and starts it if its owner
	 * has a free slot.
	 * @return the task and whether it was created now
	 */
	Map.Entry<SimTask, Boolean> submit(String ownerId, String submissionId, Function<String, SimTask> factory) {
		SimTask task;
		synchronized (this.schedule) {
			Optional<SimTask> existing = findSubmission(ownerId, submissionId);
			if (existing.isPresent()) {
				return Map.entry(existing.get(), false);
			}
			task = factory.apply(UUID.randomUUID().toString());
			this.tasks.put(task.id, task);
			this.submissions.put(ownerId + "|" + submissionId, task.id);
			this.unfinished.computeIfAbsent(ownerId, (k) -> new ConcurrentSkipListSet<>(QUEUE_ORDER)).add(task);
			if (task.isDelete()) {
				this.unfinishedDeletes.merge(ownerId, 1, Integer::sum);
			}
		}
		advance(task);
		schedule(ownerId);
		return Map.entry(task, true);
	}

	Optional<SimTask> find(String ownerId, String taskId) {
		SimTask task = this.tasks.get(taskId);
		if (task == null || !task.ownerId.equals(ownerId)) {
			return Optional.empty();
		}
		advance(task);
		schedule(ownerId);
		return Optional.of(task);
	}

	List<SimTask> tasksOf(String ownerId) {
		List<SimTask> mine = new ArrayList<>();
		this.unfinished.getOrDefault(ownerId, EMPTY).forEach(this::advance);
		schedule(ownerId);
		synchronized (this.schedule) {
			mine.addAll(this.finishedByOwner.getOrDefault(ownerId, new ArrayDeque<>()));
		}
		mine.addAll(this.unfinished.getOrDefault(ownerId, EMPTY));
		mine.sort(Comparator.comparing((SimTask t) -> t.requestTime).reversed());
		return mine;
	}

	/**
	 * The collections of the owner's tasks, most recently requested first, as they stand:
	 * unlike {@link #tasksOf(String)} it moves no task on, so that a search for recently
	 * used collections does not cost a pass over a long queue (with the consent checks
	 * each task's progress makes).
	 */
	List<String> recentCollections(String ownerId) {
		Map<String, Instant> latest = new HashMap<>();
		Consumer<SimTask> note = (task) -> {
			for (String collection : task.collections()) {
				latest.merge(collection, task.requestTime, (a, b) -> a.isAfter(b) ? a : b);
			}
		};
		synchronized (this.schedule) {
			this.finishedByOwner.getOrDefault(ownerId, new ArrayDeque<>()).forEach(note);
		}
		this.unfinished.getOrDefault(ownerId, EMPTY).forEach(note);
		return latest.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Instant>comparingByValue().reversed())
			.map(Map.Entry::getKey)
			.toList();
	}

	/** How many tasks the simulator holds (for its memory bound's tests). */
	int size() {
		return this.tasks.size();
	}

	/** Simulated seconds between two instants. */
	double simulated(Instant from, Instant to) {
		return Duration.between(from, to).toMillis() / 1000.0 * this.properties.timeAcceleration();
	}

	/** Simulated seconds the task has worked. */
	double worked(SimTask task, Instant at) {
		return task.workedSeconds + ((task.runningSince != null) ? simulated(task.runningSince, at) : 0);
	}

	/** Fraction of its good work done, 0..1. */
	double progress(SimTask task) {
		synchronized (task) {
			if (task.applied) {
				return 1;
			}
			if ("SUCCEEDED".equals(task.status)) {
				return 1;
			}
			return Math.min(1, worked(task, now()) / task.simulatedSeconds);
		}
	}

	boolean cancel(SimTask task) {
		advance(task);
		boolean canceled;
		synchronized (task) {
			canceled = !task.finished();
			if (canceled) {
				task.canceled = true;
				// Transfer logs a cancel as an error event (CLI fixture task_event_list).
				finish(task, "FAILED", new SimTask.Failure("CANCELED", "canceled", "Canceled by the task owner"),
						new SimTask.Event("CANCELED", "canceled", "Canceled by the task owner", true, now()));
			}
		}
		retire(task);
		schedule(task.ownerId);
		return canceled;
	}

	/**
	 * Marks a just-submitted task's credentials as expired (the {@code inactive} fault).
	 */
	void expireCredentials(SimTask task) {
		synchronized (task) {
			task.credentialsExpiredAt = now();
		}
		advance(task);
		schedule(task.ownerId);
	}

	private void tick() {
		try {
			Instant now = now();
			boolean sweep = Duration.between(this.lastSweep, now).compareTo(SWEEP_EVERY) >= 0;
			for (Map.Entry<String, NavigableSet<SimTask>> owner : this.unfinished.entrySet()) {
				boolean changed = false;
				for (SimTask task : owner.getValue()) {
					// Queued tasks change only on a sweep (deadline, credentials) or
					// when a slot frees.
					if (task != null && (sweep || task.phase != SimTask.Phase.QUEUED)) {
						changed |= advanceNoting(task);
					}
				}
				if (changed || sweep) {
					schedule(owner.getKey());
				}
			}
			if (sweep) {
				this.lastSweep = now;
				forgetOldTasks(now);
			}
		}
		catch (RuntimeException ex) {
			// keep ticking; a broken task must not stop the others
		}
	}

	/** Moves a task along; true when its phase or status changed (a slot may be free). */
	private boolean advanceNoting(SimTask task) {
		SimTask.Phase phase;
		String status;
		synchronized (task) {
			phase = task.phase;
			status = task.status;
		}
		advance(task);
		synchronized (task) {
			return task.phase != phase || !task.status.equals(status);
		}
	}

	/** Moves a task along to now. */
	void advance(SimTask task) {
		boolean finished;
		synchronized (task) {
			if (!task.finished()) {
				advance(task, now());
			}
			finished = task.finished();
		}
		if (finished) {
			retire(task);
		}
	}

	private void advance(SimTask task, Instant now) {
		if (now.isAfter(task.effectiveDeadline())) {
			finish(task, "FAILED", new SimTask.Failure("EXPIRED", "expired", "The task deadline expired"),
					new SimTask.Event("EXPIRED", "expired", "The task deadline expired", true, now));
			return;
		}
		SimTask.Inactivity lapse = this.conditions.lapse(task);
		if (lapse != null) {
			if (!"INACTIVE".equals(task.status)) {
				stop(task, now);
				task.status = "INACTIVE";
			}
			task.inactivity = lapse;
			return;
		}
		if ("INACTIVE".equals(task.status)) {
			task.status = "ACTIVE";
			task.inactivity = null;
		}
		String pause = this.conditions.pauseMessage(task);
		if (pause != null) {
			if (!task.paused) {
				stop(task, now);
				task.paused = true;
				task.addEvent(new SimTask.Event("PAUSED", "paused", pause, false, now), MAX_EVENTS);
			}
			return;
		}
		switch (task.phase) {
			case RUNNING -> run(task, now);
			case RETRYING -> retry(task, now);
			default -> {
				// QUEUED waits for a slot, DONE is done
			}
		}
	}

	private void run(SimTask task, Instant now) {
		double worked = worked(task, now);
		if (!task.attempted && worked >= FIRST_ATTEMPT_SECONDS) {
			firstAttempt(task, now);
			if (task.finished()) {
				return;
			}
		}
		if (!task.progressReported && worked >= task.simulatedSeconds / 2) {
			task.progressReported = true;
			task.addEvent(new SimTask.Event("PROGRESS", "progress",
					"{\"bytes_transferred\": " + task.goodBytes() / 2 + "}", false, now), MAX_EVENTS);
		}
		if (worked >= task.simulatedSeconds) {
			apply(task, now);
			stop(task, now);
			if (!task.retryingSteps().isEmpty()) {
				// Backing off from an error frees the slot for the owner's next task.
				task.phase = SimTask.Phase.RETRYING;
				return;
			}
			if (!task.skippedErrors.isEmpty()) {
				task.addEvent(new SimTask.Event("SKIPPED_ERRORS", "skipped errors",
						task.skippedErrors.size() + " path(s) were skipped because of errors on the source", false,
						now), MAX_EVENTS);
			}
			finish(task, "SUCCEEDED", null,
					new SimTask.Event("SUCCEEDED", "succeeded", "The task completed successfully", false, now));
		}
	}

	/** The first time the task meets its failing paths: fail, skip or start retrying. */
	private void firstAttempt(SimTask task, Instant now) {
		task.attempted = true;
		if (task.planFailure != null) {
			fail(task, task.planFailure, now);
			return;
		}
		for (SimTask.Step step : task.steps) {
			if (step.good()) {
				continue;
			}
			String details = TaskErrors.details(task, step, this.catalog);
			if (task.skips(step)) {
				task.skippedErrors.add(new SimTask.SkippedError(step, details, now));
			}
			else if ("QUOTA_EXCEEDED".equals(step.fault())
					&& Boolean.TRUE.equals(task.options.get("fail_on_quota_errors"))) {
				fail(task, new SimTask.Failure(step.fault(), TaskErrors.description(step.fault()), details), now);
				return;
			}
			else {
				error(task, step, details, now);
			}
		}
		if (!task.retryingSteps().isEmpty()) {
			task.retryDelaySeconds = FIRST_RETRY_SECONDS;
			task.nextRetry = now.plusMillis(realMillis(task.retryDelaySeconds));
		}
	}

	private void retry(SimTask task, Instant now) {
		while (task.nextRetry != null && !now.isBefore(task.nextRetry)) {
			for (SimTask.Step step : task.retryingSteps()) {
				error(task, step, TaskErrors.details(task, step, this.catalog), task.nextRetry);
			}
			task.retryDelaySeconds = Math.min(LONGEST_RETRY_SECONDS, task.retryDelaySeconds * 2);
			task.nextRetry = task.nextRetry.plusMillis(realMillis(task.retryDelaySeconds));
		}
	}

	private void error(SimTask task, SimTask.Step step, String details, Instant at) {
		SimTask.Event event = new SimTask.Event(step.fault(), TaskErrors.description(step.fault()), details, true, at);
		task.faults++;
		task.lastError = event;
		task.addEvent(event, MAX_EVENTS);
	}

	private void fail(SimTask task, SimTask.Failure failure, Instant now) {
		task.faults++;
		finish(task, "FAILED", failure,
				new SimTask.Event(failure.code(), failure.description(), failure.details(), true, now));
	}

	private long realMillis(double simulatedSeconds) {
		return Math.max(1, Math.round(simulatedSeconds * 1000 / this.properties.timeAcceleration()));
	}

	/** Stops the clock of a running task and gives its slot back. */
	private void stop(SimTask task, Instant now) {
		if (task.runningSince != null) {
			task.workedSeconds = worked(task, now);
			task.runningSince = null;
		}
		if (task.phase == SimTask.Phase.RUNNING) {
			task.phase = task.applied ? SimTask.Phase.RETRYING : SimTask.Phase.QUEUED;
		}
	}

	/**
	 * Starts queued tasks while the owner has slots free. Called on every submit and
	 * status read, with a user's queue possibly thousands long (a benchmark's scripted
	 * user): one pass over the tasks, already in queue order, counts the running ones and
	 * keeps the first few queued, with no lookup, sort or copy of the queue, and stops as
	 * soon as every slot is known to be taken (the running tasks are usually the oldest).
	 */
	void schedule(String ownerId) {
		synchronized (this.schedule) {
			NavigableSet<SimTask> open = this.unfinished.get(ownerId);
			if (open == null || open.isEmpty()) {
				return;
			}
			int runningTransfers = 0;
			int runningDeletes = 0;
			List<SimTask> firstTransfers = new ArrayList<>(SLOTS_PER_USER);
			List<SimTask> firstDeletes = new ArrayList<>(SLOTS_PER_USER);
			boolean deletes = this.unfinishedDeletes.containsKey(ownerId);
			for (SimTask task : open) {
				if (runningTransfers >= SLOTS_PER_USER && (!deletes || runningDeletes >= SLOTS_PER_USER)) {
					return;
				}
				synchronized (task) {
					if (!"ACTIVE".equals(task.status) || task.paused) {
						continue;
					}
					boolean delete = task.isDelete();
					if (task.phase == SimTask.Phase.RUNNING) {
						if (delete) {
							runningDeletes++;
						}
						else {
							runningTransfers++;
						}
					}
					else if (task.phase == SimTask.Phase.QUEUED) {
						List<SimTask> first = delete ? firstDeletes : firstTransfers;
						if (first.size() < SLOTS_PER_USER) {
							first.add(task);
						}
					}
				}
			}
			startWhileFree(firstTransfers, SLOTS_PER_USER - runningTransfers);
			startWhileFree(firstDeletes, SLOTS_PER_USER - runningDeletes);
		}
	}

	private void startWhileFree(List<SimTask> queued, int free) {
		int started = 0;
		for (SimTask task : queued) {
			if (started >= free) {
				return;
			}
			if (start(task)) {
				started++;
			}
		}
	}

	private boolean start(SimTask task) {
		synchronized (task) {
			if (task.phase != SimTask.Phase.QUEUED || !"ACTIVE".equals(task.status) || task.paused) {
				return false;
			}
			Instant now = now();
			task.phase = SimTask.Phase.RUNNING;
			task.runningSince = now;
			if (!task.started) {
				task.started = true;
				task.addEvent(new SimTask.Event("STARTED", "started",
						"{\"type\": \"GridFTP Transfer\", \"concurrency\": 2, \"parallelism\": 4, \"pipelining\": 20}",
						false, now), MAX_EVENTS);
			}
			advance(task, now);
		}
		return true;
	}

	/** Applies the task's good steps to the simulated file systems, once. */
	private void apply(SimTask task, Instant now) {
		if (task.applied) {
			return;
		}
		task.applied = true;
		boolean preserve = Boolean.TRUE.equals(task.options.get("preserve_timestamp"));
		String user = (String) task.options.getOrDefault("destination_user", "lab");
		for (SimTask.Step step : task.steps) {
			if (!step.good() || step.syncSkip()) {
				continue;
			}
			if (task.isDelete()) {
				this.files.delete(task.sourceId, step.sourcePath());
			}
			else if (step.dir()) {
				this.files.mkdirs(task.destinationId, step.destinationPath(), user, now);
			}
			else {
				Optional<SimFileEntry> source = this.files.stat(task.sourceId, step.sourcePath());
				Instant modified = preserve ? source.map(SimFileEntry::modified).orElse(now) : now;
				this.files.putCopy(task.destinationId, step.destinationPath(), step.size(), user, modified,
						source.map(SimFileEntry::content).orElse(null));
			}
		}
	}

	private void finish(SimTask task, String status, SimTask.Failure fatalError, SimTask.Event event) {
		if (task.runningSince != null) {
			task.workedSeconds = worked(task, event.time());
			task.runningSince = null;
		}
		task.status = status;
		task.phase = SimTask.Phase.DONE;
		task.fatalError = fatalError;
		task.completionTime = event.time();
		task.inactivity = null;
		task.addEvent(event, Integer.MAX_VALUE);
	}

	/** Moves a finished task from its owner's unfinished tasks to the finished ones. */
	private void retire(SimTask task) {
		synchronized (this.schedule) {
			Set<SimTask> open = this.unfinished.get(task.ownerId);
			if (open != null && open.remove(task)) {
				if (task.isDelete()) {
					this.unfinishedDeletes.computeIfPresent(task.ownerId, (k, n) -> (n > 1) ? n - 1 : null);
				}
				this.finishedByOwner.computeIfAbsent(task.ownerId, (k) -> new ArrayDeque<>()).addLast(task);
			}
		}
	}

	/**
	 * Forgets finished tasks beyond the newest {@code kept-finished-tasks} of each owner
	 * and those finished longer than {@code finished-task-lifetime} ago, so that the
	 * simulator's memory stays bounded under a long benchmark.
	 */
	void forgetOldTasks(Instant now) {
		Instant cutoff = now.minus(this.properties.finishedTaskLifetime());
		synchronized (this.schedule) {
			for (Deque<SimTask> finished : this.finishedByOwner.values()) {
				while (!finished.isEmpty() && (finished.size() > this.properties.keptFinishedTasks()
						|| finished.peekFirst().completionTime.isBefore(cutoff))) {
					SimTask old = finished.removeFirst();
					this.tasks.remove(old.id);
					this.submissions.remove(old.ownerId + "|" + old.submissionId);
				}
			}
		}
	}

}
