package org.transferportal.simulator.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A simulated Transfer task (mutable, guarded by its own monitor; the engine moves it
 * along).
 */
final class SimTask {

	/** Where a task is in its life, beside its Transfer status. */
	enum Phase {

		/** Waiting for one of its owner's three slots. */
		QUEUED,
		/** Moving data. */
		RUNNING,
		/** Its good work is done; it retries the paths that keep failing. */
		RETRYING,
		/** SUCCEEDED or FAILED. */
		DONE

	}

	/**
	 * One planned step: copy a file, make a folder, or delete a path.
	 *
	 * @param sourcePath the source path (for a delete, the path)
	 * @param destinationPath the destination path, null for a delete
	 * @param dir whether it is a folder
	 * @param size bytes
	 * @param syncSkip whether the sync level found it already there
	 * @param fault the error this path always meets (e.g. {@code PERMISSION_DENIED}), or
	 * null
	 * @param sourceFault whether that error is the source's ({@code skip_source_errors}
	 * skips those)
	 */
	record Step(String sourcePath, String destinationPath, boolean dir, long size, boolean syncSkip, String fault,
			boolean sourceFault) {

		static Step ok(String sourcePath, String destinationPath, boolean dir, long size, boolean syncSkip) {
			return new Step(sourcePath, destinationPath, dir, size, syncSkip, null, false);
		}

		Step failing(String code, boolean onSource) {
			return new Step(this.sourcePath, this.destinationPath, this.dir, this.size, this.syncSkip, code, onSource);
		}

		boolean good() {
			return this.fault == null;
		}

	}

	/** One task event. */
	record Event(String code, String description, String details, boolean error, Instant time) {
	}

	/**
	 * A failure that ends a task.
	 *
	 * @param code e.g. {@code FILE_NOT_FOUND}
	 * @param description short words
	 * @param details the event's details
	 */
	record Failure(String code, String description, String details) {

		Map<String, Object> json() {
			return org.transferportal.simulator.SimJson.object("code", this.code, "description", this.description);
		}

	}

	/**
	 * A path skipped under {@code skip_source_errors}.
	 *
	 * @param step the step
	 * @param details the error's details
	 * @param time when
	 */
	record SkippedError(Step step, String details, Instant time) {
	}

	/**
	 * Why a task is INACTIVE.
	 *
	 * @param niceStatus the word in {@code nice_status}
	 * @param description short words
	 * @param details what happened and what lifts it
	 */
	record Inactivity(String niceStatus, String description, String details) {
	}

	final String id;

	final String type;

	final String ownerId;

	/** The client that submitted it: its credentials are the owner's consents to it. */
	final String clientId;

	final String submissionId;

	final String sourceId;

	final String destinationId;

	final Instant requestTime;

	final List<Step> steps;

	final Map<String, Object> options;

	/**
	 * Set when the plan already shows the task must fail (e.g. a folder sent as a file).
	 */
	final Failure planFailure;

	/** Simulated seconds its good steps take. */
	final double simulatedSeconds;

	final List<Event> events = new ArrayList<>();

	final List<SkippedError> skippedErrors = new ArrayList<>();

	String label;

	Instant deadline;

	String status = "ACTIVE";

	Phase phase = Phase.QUEUED;

	/** Simulated seconds worked before the current run. */
	double workedSeconds;

	/** When the current run started, or null when not running. */
	Instant runningSince;

	boolean started;

	boolean attempted;

	boolean applied;

	boolean progressReported;

	boolean canceled;

	boolean paused;

	Instant completionTime;

	Failure fatalError;

	/** Error events so far (Transfer's {@code faults}). */
	int faults;

	/** The latest error, shown in {@code nice_status} while the task lives. */
	Event lastError;

	Instant nextRetry;

	double retryDelaySeconds;

	Inactivity inactivity;

	/**
	 * The consents its data_access consents hang below: Transfer's for a task submitted
	 * to Transfer, Timers' and then Transfer's for a timer's run.
	 */
	List<String> consentChain = List.of(TransferAccess.TRANSFER_ALL);

	/** Set by the {@code inactive} fault: its credentials expired at this time. */
	Instant credentialsExpiredAt;

	SimTask(String id, String type, String ownerId, String clientId, String submissionId, String sourceId,
			String destinationId, Instant requestTime, List<Step> steps, Map<String, Object> options,
			Failure planFailure, String label, Instant deadline) {
		this.id = id;
		this.type = type;
		this.ownerId = ownerId;
		this.clientId = clientId;
		this.submissionId = submissionId;
		this.sourceId = sourceId;
		this.destinationId = destinationId;
		this.requestTime = requestTime;
		this.steps = List.copyOf(steps);
		this.options = options;
		this.planFailure = planFailure;
		this.simulatedSeconds = TaskEngine.simulatedSeconds(goodBytes(), goodSteps().size());
		this.label = label;
		this.deadline = deadline;
	}

	boolean finished() {
		return this.phase == Phase.DONE;
	}

	/** Its collections: the source (the delete's collection) and the destination. */
	List<String> collections() {
		return (this.destinationId != null) ? List.of(this.sourceId, this.destinationId) : List.of(this.sourceId);
	}

	boolean isDelete() {
		return "DELETE".equals(this.type);
	}

	/** The deadline Transfer enforces: the one asked for, or a day after the request. */
	Instant effectiveDeadline() {
		return (this.deadline != null) ? this.deadline : this.requestTime.plus(Duration.ofHours(24));
	}

	boolean skipsSourceErrors() {
		return Boolean.TRUE.equals(this.options.get("skip_source_errors"));
	}

	/** Whether a failing step is skipped rather than retried. */
	boolean skips(Step step) {
		return step.sourceFault() && skipsSourceErrors()
				&& ("PERMISSION_DENIED".equals(step.fault()) || "FILE_NOT_FOUND".equals(step.fault()));
	}

	List<Step> goodSteps() {
		return this.steps.stream().filter(Step::good).toList();
	}

	/** Failing steps that are retried (not skipped). */
	List<Step> retryingSteps() {
		return this.steps.stream().filter((s) -> !s.good() && !skips(s)).toList();
	}

	long goodBytes() {
		return this.steps.stream().filter((s) -> s.good() && !s.dir() && !s.syncSkip()).mapToLong(Step::size).sum();
	}

	long files() {
		return this.steps.stream().filter((s) -> !s.dir()).count();
	}

	long directories() {
		return this.steps.stream().filter(Step::dir).count();
	}

	long filesSkipped() {
		return this.steps.stream().filter((s) -> !s.dir() && s.good() && s.syncSkip()).count();
	}

	/** The files it copies (for {@code successful_transfers}). */
	List<Step> fileCopies() {
		return this.steps.stream().filter((s) -> !s.dir() && s.good() && !s.syncSkip()).toList();
	}

	void addEvent(Event event, int maxEvents) {
		// Lifecycle events always; error events of endless retries only up to a cap.
		if (!event.error() || this.events.size() < maxEvents) {
			this.events.add(event);
		}
	}

}
