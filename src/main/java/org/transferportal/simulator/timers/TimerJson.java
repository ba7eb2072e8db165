package org.transferportal.simulator.timers;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.transferportal.simulator.SimJson;

/**
 * The documents of the simulated Timers, in the reference's two shapes: the v2 timer that
 * {@code POST /v2/timer} answers with, and the v1 job document of the jobs API, whose
 * {@code results} link each run to its Transfer task.
 */
final class TimerJson {

	static final String CALLBACK_URL = "https://actions.automate.globus.org/transfer/transfer/run";

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
		.withZone(ZoneOffset.UTC);

	private TimerJson() {
	}

	static String time(Instant instant) {
		return (instant != null) ? ISO.format(instant) : null;
	}

	/** The v2 answer to a creation. */
	static Map<String, Object> created(SimTimer timer) {
		return SimJson.object("timer",
				SimJson.object("job_id", timer.id, "name", timer.name, "timer_type", "transfer", "status", timer.status,
						"submitted_at", time(timer.submittedAt), "last_ran_at", time(timer.lastRanAt), "next_run",
						time(timer.nextRun), "number_of_runs", timer.runCount, "number_of_errors", timer.errorCount,
						"inactive_reason", null, "schedule", timer.plan.asGiven(), "body", timer.body));
	}

	/**
	 * The v1 job document with a page of runs, newest first.
	 * @param taskStatus the current status of a run's task, by task id
	 * @param from the first run of the page (0 is the newest)
	 * @param pageSize runs per page
	 */
	static Map<String, Object> job(SimTimer timer, Instant now, BiFunction<String, String, String> taskStatus, int from,
			int pageSize) {
		TimerRequests.Plan plan = timer.plan;
		Map<String, Object> stopAfter = plan.recurring()
				? ((plan.endCount() != null || plan.endTime() != null)
						? SimJson.object("date", time(plan.endTime()), "n_runs", plan.endCount()) : null)
				: SimJson.object("date", null, "n_runs", 1);
		List<SimTimer.Run> newestFirst = new ArrayList<>(timer.runs);
		java.util.Collections.reverse(newestFirst);
		int to = Math.min(newestFirst.size(), from + pageSize);
		List<Map<String, Object>> page = new ArrayList<>();
		for (SimTimer.Run run : newestFirst.subList(Math.min(from, to), to)) {
			page.add(result(timer, run, taskStatus));
		}
		return SimJson.object("job_id", timer.id, "name", timer.name, "status", timer.status, "timer_type", "transfer",
				"start", time(plan.start()), "interval", plan.recurring() ? (double) plan.intervalSeconds() : null,
				"stop_after", stopAfter, "schedule", plan.asGiven(), "callback_url", CALLBACK_URL, "callback_body",
				SimJson.object("body", timer.body), "inactive_reason", inactiveReason(timer), "scope", null,
				"submitted_at", time(timer.submittedAt), "last_ran_at", time(timer.lastRanAt), "next_run",
				time(timer.nextRun), "n_runs", timer.runCount, "n_errors", timer.errorCount, "activity",
				activity(timer, now, taskStatus), "results",
				SimJson.object("data", page, "page_next", (to < newestFirst.size()) ? String.valueOf(to) : null));
	}

	private static Map<String, Object> inactiveReason(SimTimer timer) {
		if (timer.inactiveCause == null) {
			return null;
		}
		return SimJson.object("cause", timer.inactiveCause, "detail", timer.inactiveDetail);
	}

	private static Map<String, Object> activity(SimTimer timer, Instant now,
			BiFunction<String, String, String> taskStatus) {
		if ("inactive".equals(timer.status)) {
			return SimJson.object("code", "paused", "reason", timer.inactiveCause);
		}
		if (!"active".equals(timer.status) && !"new".equals(timer.status) && !"ended".equals(timer.status)) {
			return null;
		}
		if (timer.current != null && "ACTIVE".equals(taskStatus.apply(timer.ownerId, timer.current.taskId()))) {
			Instant clock = timer.clock(now);
			return SimJson.object("code", "run_in_progress", "start_timestamp", time(timer.current.ranAt()),
					"duration_seconds", Math.max(0, Duration.between(timer.current.ranAt(), clock).getSeconds()));
		}
		return (timer.nextRun != null) ? SimJson.object("code", "awaiting_next_run", "next_run", time(timer.nextRun))
				: null;
	}

	/**
	 * One run as a {@code JobResult}: its task in {@code data}, the Transfer action
	 * provider's document (as in Globus's fixtures), or Transfer's refusal in
	 * {@code errors}.
	 */
	private static Map<String, Object> result(SimTimer timer, SimTimer.Run run,
			BiFunction<String, String, String> taskStatus) {
		if (run.taskId() == null) {
			return SimJson.object("ran_at", time(run.ranAt()), "start_timestamp", time(run.ranAt()), "end_timestamp",
					time(run.ranAt()), "run_status", "FAILED", "status", run.httpStatus(), "http_status_submission",
					run.httpStatus(), "errors", run.error(), "data", null);
		}
		String status = taskStatus.apply(timer.ownerId, run.taskId());
		status = (status != null) ? status : "SUCCEEDED";
		Map<String, Object> details = SimJson.object("DATA_TYPE", "task", "task_id", run.taskId(), "status", status,
				"label", timer.body.path("label").asString(null));
		return SimJson.object("ran_at", time(run.ranAt()), "start_timestamp", time(run.ranAt()), "end_timestamp", null,
				"run_status", status, "status", run.httpStatus(), "http_status_submission", run.httpStatus(),
				"resource_id", run.taskId(), "errors", null, "data",
				SimJson.object("action_id", run.taskId(), "status", status, "details", details));
	}

}
