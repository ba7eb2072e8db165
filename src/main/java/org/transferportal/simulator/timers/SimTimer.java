package org.transferportal.simulator.timers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * A simulated timer (mutable, guarded by its own monitor). Its clock starts at its
 * creation and runs {@code simulator.timers-acceleration} times faster than real time:
 * its schedule, runs and documents are in that clock's time, so a nightly timer shows
 * nightly runs that come seconds apart.
 */
final class SimTimer {

	/**
	 * One run.
	 *
	 * @param ranAt the tick it ran for, on the timer's clock
	 * @param taskId the task Transfer created, or null
	 * @param httpStatus Transfer's answer to the submission
	 * @param error Transfer's error body when it refused, or null
	 */
	record Run(Instant ranAt, String taskId, int httpStatus, Map<String, Object> error) {
	}

	final String id;

	final String ownerId;

	final String clientId;

	final TimerRequests.Plan plan;

	final ObjectNode body;

	/** Real time of creation: where its clock starts. */
	final Instant submittedAt;

	final double acceleration;

	String name;

	String status = "new";

	/** {@code user} or {@code globus_auth_requirements} while inactive, else null. */
	String inactiveCause;

	/** The requirement error of an inactive timer. */
	Map<String, Object> inactiveDetail;

	/**
	 * The consent to Timers whose grant the timer holds (renewed by update_credentials).
	 */
	Long credential;

	/** The next tick, on the timer's clock; null once no run is left. */
	Instant nextRun;

	Instant lastRanAt;

	int runCount;

	int errorCount;

	/** Oldest first. */
	final List<Run> runs = new ArrayList<>();

	/** The run whose task is still going, if any: a tick meanwhile is skipped. */
	Run current;

	/** When a delete was asked for (real time). */
	Instant deletedAt;

	SimTimer(String id, String ownerId, String clientId, String name, TimerRequests.Plan plan, ObjectNode body,
			Instant submittedAt, double acceleration, Long credential) {
		this.id = id;
		this.ownerId = ownerId;
		this.clientId = clientId;
		this.name = name;
		this.plan = plan;
		this.body = body;
		this.submittedAt = submittedAt;
		this.acceleration = acceleration;
		this.credential = credential;
		this.nextRun = plan.start();
	}

	/** The time on the timer's clock at this real instant. */
	Instant clock(Instant real) {
		long millis = Duration.between(this.submittedAt, real).toMillis();
		return this.submittedAt.plusMillis(Math.round(millis * this.acceleration));
	}

	/** The first tick of its schedule strictly after this time on its clock. */
	Instant tickAfter(Instant time) {
		Instant start = this.plan.start();
		if (time.isBefore(start)) {
			return start;
		}
		long interval = this.plan.intervalSeconds();
		long ticks = Duration.between(start, time).getSeconds() / interval + 1;
		return start.plusSeconds(ticks * interval);
	}

	boolean listed() {
		return !"delete_in_progress".equals(this.status) && !"deleted".equals(this.status);
	}

}
