package org.transferportal.simulator.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.transferportal.simulator.SimulatorProperties;
import org.transferportal.simulator.TokenStore;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs simulated tasks over simulated time ({@code simulator.time-acceleration}) and
 * keeps submission ids idempotent.
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class TaskEngine implements DisposableBean {

	/** Simulated throughput in bytes per simulated second. */
	static final double BYTES_PER_SECOND = 50_000_000;

	static final double FAILURE_AFTER_SECONDS = 1.0;

	private final Map<String, SimTask> tasks = new ConcurrentHashMap<>();

	/** owner id + "|" + submission id → task id. */
	private final Map<String, String> submissions = new ConcurrentHashMap<>();

	private final SimulatorProperties properties;

	private final SimFileSystem files;

	private final TokenStore clock;

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "globus-simulator-tasks");
		thread.setDaemon(true);
		return thread;
	});

	TaskEngine(SimulatorProperties properties, SimFileSystem files, TokenStore clock) {
		this.properties = properties;
		this.files = files;
		this.clock = clock;
		this.ticker.scheduleWithFixedDelay(this::advanceAll, 200, 200, TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		this.ticker.shutdownNow();
	}

	Instant now() {
		return this.clock.now();
	}

	static double simulatedSeconds(long bytes, long fileCount) {
		return 2.0 + bytes / BYTES_PER_SECOND + fileCount * 0.001;
	}

	/** The task already created for this submission id, if any. */
	synchronized Optional<SimTask> findSubmission(String ownerId, String submissionId) {
		String taskId = this.submissions.get(ownerId + "|" + submissionId);
		return Optional.ofNullable((taskId != null) ? this.tasks.get(taskId) : null);
	}

	/**
	 * Creates a task unless one exists for the submission id.
	 * @return the task and whether it was created now
	 */
	synchronized Map.Entry<SimTask, Boolean> submit(String ownerId, String submissionId,
			java.util.function.Function<String, SimTask> factory) {
		Optional<SimTask> existing = findSubmission(ownerId, submissionId);
		if (existing.isPresent()) {
			return Map.entry(existing.get(), false);
		}
		SimTask task = factory.apply(UUID.randomUUID().toString());
		task.events.add(new SimTask.Event("STARTED", "started", "Starting", false, task.requestTime));
		this.tasks.put(task.id, task);
		this.submissions.put(ownerId + "|" + submissionId, task.id);
		return Map.entry(task, true);
	}

	Optional<SimTask> find(String ownerId, String taskId) {
		SimTask task = this.tasks.get(taskId);
		if (task == null || !task.ownerId.equals(ownerId)) {
			return Optional.empty();
		}
		advance(task);
		return Optional.of(task);
	}

	List<SimTask> tasksOf(String ownerId) {
		return this.tasks.values()
			.stream()
			.filter((t) -> t.ownerId.equals(ownerId))
			.peek(this::advance)
			.sorted(Comparator.comparing((SimTask t) -> t.requestTime).reversed())
			.toList();
	}

	/** Simulated seconds since the task was requested. */
	double elapsed(SimTask task, Instant at) {
		return Duration.between(task.requestTime, at).toMillis() / 1000.0 * this.properties.timeAcceleration();
	}

	/** Fraction done, 0..1. */
	double progress(SimTask task) {
		if ("SUCCEEDED".equals(task.status)) {
			return 1;
		}
		if (!"ACTIVE".equals(task.status) || task.planError != null) {
			return 0;
		}
		return Math.min(1, elapsed(task, now()) / task.simulatedSeconds);
	}

	boolean cancel(SimTask task) {
		synchronized (task) {
			advance(task);
			if (!"ACTIVE".equals(task.status)) {
				return false;
			}
			task.canceled = true;
			finish(task, "FAILED", Map.of("code", "CANCELED", "description", "The task was canceled"),
					new SimTask.Event("CANCELED", "canceled", "The task was canceled by the user", false, now()));
			return true;
		}
	}

	private void advanceAll() {
		try {
			this.tasks.values().forEach(this::advance);
		}
		catch (RuntimeException ex) {
			// keep ticking; a broken task must not stop the others
		}
	}

	void advance(SimTask task) {
		synchronized (task) {
			if (!"ACTIVE".equals(task.status)) {
				return;
			}
			Instant now = now();
			if (task.deadline != null && now.isAfter(task.deadline)) {
				finish(task, "FAILED", Map.of("code", "EXPIRED", "description", "The task deadline expired"),
						new SimTask.Event("EXPIRED", "expired", "The task deadline expired", true, now));
				return;
			}
			double elapsed = elapsed(task, now);
			if (task.planError != null) {
				if (elapsed >= FAILURE_AFTER_SECONDS) {
					finish(task, "FAILED", task.planError, new SimTask.Event(task.planError.get("code"),
							task.planError.get("description"), task.planError.get("details"), true, now));
				}
				return;
			}
			if (!task.progressReported && elapsed >= task.simulatedSeconds / 2) {
				task.progressReported = true;
				task.events.add(new SimTask.Event("PROGRESS", "progress",
						"{\"bytes_transferred\": " + task.totalBytes() / 2 + "}", false, now));
			}
			if (elapsed >= task.simulatedSeconds) {
				apply(task, now);
				finish(task, "SUCCEEDED", null,
						new SimTask.Event("SUCCEEDED", "succeeded", "The task completed successfully", false, now));
			}
		}
	}

	private void apply(SimTask task, Instant now) {
		boolean preserve = Boolean.TRUE.equals(task.options.get("preserve_timestamp"));
		for (SimTask.Step step : task.steps) {
			if (step.skip()) {
				continue;
			}
			if ("DELETE".equals(task.type)) {
				this.files.delete(task.sourceId, step.sourcePath());
			}
			else if (step.dir()) {
				this.files.mkdirs(task.destinationId, step.destinationPath(), "lab", now);
			}
			else {
				Instant modified = preserve
						? this.files.stat(task.sourceId, step.sourcePath()).map(SimFileEntry::modified).orElse(now)
						: now;
				this.files.putFile(task.destinationId, step.destinationPath(), step.size(), "lab", modified);
			}
		}
	}

	private void finish(SimTask task, String status, Map<String, String> fatalError, SimTask.Event event) {
		task.status = status;
		task.fatalError = fatalError;
		task.completionTime = event.time();
		task.events.add(event);
	}

}
