package org.transferportal.simulator.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A simulated Transfer task (mutable, guarded by its own monitor).
 */
final class SimTask {

	/** One planned step: copy a file, make a folder, or delete a path. */
	record Step(String sourcePath, String destinationPath, boolean dir, long size, boolean skip) {
	}

	/** One task event. */
	record Event(String code, String description, String details, boolean error, Instant time) {
	}

	final String id;

	final String type;

	final String ownerId;

	final String submissionId;

	final String sourceId;

	final String destinationId;

	final Instant requestTime;

	final List<Step> steps;

	final Map<String, Object> options;

	/** Set when the plan hit a missing source: the task fails once it starts. */
	final Map<String, String> planError;

	final double simulatedSeconds;

	final List<Event> events = new ArrayList<>();

	String label;

	Instant deadline;

	String status = "ACTIVE";

	Instant completionTime;

	Map<String, String> fatalError;

	boolean progressReported;

	boolean canceled;

	SimTask(String id, String type, String ownerId, String submissionId, String sourceId, String destinationId,
			Instant requestTime, List<Step> steps, Map<String, Object> options, Map<String, String> planError,
			double simulatedSeconds, String label, Instant deadline) {
		this.id = id;
		this.type = type;
		this.ownerId = ownerId;
		this.submissionId = submissionId;
		this.sourceId = sourceId;
		this.destinationId = destinationId;
		this.requestTime = requestTime;
		this.steps = steps;
		this.options = options;
		this.planError = planError;
		this.simulatedSeconds = simulatedSeconds;
		this.label = label;
		this.deadline = deadline;
	}

	long totalBytes() {
		return this.steps.stream().filter((s) -> !s.dir() && !s.skip()).mapToLong(Step::size).sum();
	}

	long files() {
		return this.steps.stream().filter((s) -> !s.dir()).count();
	}

	long directories() {
		return this.steps.stream().filter(Step::dir).count();
	}

	long filesSkipped() {
		return this.steps.stream().filter((s) -> !s.dir() && s.skip()).count();
	}

	List<Step> fileCopies() {
		return this.steps.stream().filter((s) -> !s.dir() && !s.skip()).toList();
	}

}
