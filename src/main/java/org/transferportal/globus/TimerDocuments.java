package org.transferportal.globus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Reads Timers' documents into the portal's records. Read by hand rather than bound,
 * because the jobs API mixes two generations of fields: a timer created through
 * {@code /v2/timer} is still described by the v1 job document ({@code n_runs},
 * {@code interval}, {@code callback_body}), and a run's Transfer task hides in its
 * {@code data}.
 */
final class TimerDocuments {

	private TimerDocuments() {
	}

	/** The v2 answer of {@code POST /v2/timer}. */
	static CreatedTimer created(JsonNode answer) {
		JsonNode timer = answer.path("timer");
		return new CreatedTimer(text(timer, "job_id"), text(timer, "name"), text(timer, "status"),
				instant(timer, "next_run"));
	}

	/** A v1 job document. */
	static TimerJob job(JsonNode job) {
		JsonNode transfer = transferBody(job);
		List<TimerRun> runs = new ArrayList<>();
		job.path("results").path("data").forEach((result) -> runs.add(run(result)));
		runs.sort(Comparator.comparing(TimerRun::ranAt, Comparator.nullsLast(Comparator.reverseOrder())));
		String pageNext = text(job.path("results"), "page_next");
		return new TimerJob(text(job, "job_id"), text(job, "name"), text(job, "status"), instant(job, "submitted_at"),
				instant(job, "last_ran_at"), instant(job, "next_run"), count(job, "n_runs", "number_of_runs"),
				count(job, "n_errors", "number_of_errors"), schedule(job), inactiveReason(job.path("inactive_reason")),
				activity(job.path("activity")), firstText(transfer, "source_endpoint", "source_endpoint_id"),
				firstText(transfer, "destination_endpoint", "destination_endpoint_id"), runs,
				pageNext != null && !pageNext.isBlank());
	}

	/**
	 * The transfer a timer submits: {@code callback_body.body} in a v1 document,
	 * {@code body} in a v2 one.
	 */
	private static JsonNode transferBody(JsonNode job) {
		JsonNode callback = job.path("callback_body").path("body");
		return callback.isObject() ? callback : job.path("body");
	}

	/**
	 * The schedule: {@code schedule} when the document has it, else rebuilt from the
	 * older fields ({@code interval} null means one run at {@code start}).
	 */
	private static TimerSchedule schedule(JsonNode job) {
		JsonNode schedule = job.path("schedule");
		if (schedule.isObject() && schedule.path("type").isString()) {
			JsonNode end = schedule.path("end");
			TimerSchedule.End parsedEnd = null;
			if (end.isObject()) {
				Integer count = end.path("count").isNumber() ? end.path("count").asInt() : null;
				String datetime = text(end, "datetime");
				String condition = text(end, "condition");
				if (condition == null) {
					// Timers' read-back may leave the condition out: {"end": {"count":
					// 2}}.
					condition = (count != null) ? "iterations" : "time";
				}
				parsedEnd = new TimerSchedule.End(condition, count, datetime);
			}
			Long interval = schedule.path("interval_seconds").isNumber()
					? (long) schedule.path("interval_seconds").asDouble() : null;
			return new TimerSchedule(text(schedule, "type"), interval, text(schedule, "start"),
					text(schedule, "datetime"), parsedEnd);
		}
		JsonNode interval = job.path("interval");
		String start = text(job, "start");
		if (!interval.isNumber()) {
			return new TimerSchedule(TimerSchedule.ONCE, null, null, start, null);
		}
		JsonNode stopAfter = job.path("stop_after");
		TimerSchedule.End end = null;
		if (stopAfter.path("n_runs").isNumber()) {
			end = TimerSchedule.End.afterRuns(stopAfter.path("n_runs").asInt());
		}
		else if (text(stopAfter, "date") != null) {
			end = new TimerSchedule.End("time", null, text(stopAfter, "date"));
		}
		return new TimerSchedule(TimerSchedule.RECURRING, (long) interval.asDouble(), start, null, end);
	}

	private static TimerJob.InactiveReason inactiveReason(JsonNode reason) {
		if (!reason.isObject()) {
			return null;
		}
		JsonNode detail = reason.path("detail");
		String code = text(detail, "code");
		AuthorizationParameters parameters = detail.isObject()
				? GlobusErrors.authorizationParameters(detail, code, text(detail, "message")) : null;
		return new TimerJob.InactiveReason(text(reason, "cause"), code, parameters);
	}

	private static TimerJob.Activity activity(JsonNode activity) {
		if (!activity.isObject()) {
			return null;
		}
		return new TimerJob.Activity(text(activity, "code"), text(activity, "reason"), instant(activity, "next_run"),
				instant(activity, "start_timestamp"));
	}

	/**
	 * One run. Its task id is in {@code data.details.task_id} (the Transfer action
	 * provider's document, as in Globus's fixtures), else {@code data.task_id}, else the
	 * action id, which for Transfer is the task id.
	 */
	private static TimerRun run(JsonNode result) {
		JsonNode data = result.path("data");
		JsonNode details = data.path("details");
		String taskId = firstText(details, "task_id");
		if (taskId == null) {
			taskId = firstText(data, "task_id", "action_id");
		}
		String taskStatus = firstText(details, "status");
		if (taskStatus == null) {
			taskStatus = text(data, "status");
		}
		Integer httpStatus = result.path("http_status_submission").isNumber()
				? result.path("http_status_submission").asInt()
				: (result.path("status").isNumber() ? result.path("status").asInt() : null);
		Instant ranAt = instant(result, "ran_at");
		return new TimerRun((ranAt != null) ? ranAt : instant(result, "start_timestamp"), text(result, "run_status"),
				httpStatus, taskId, taskStatus, error(result.path("errors")));
	}

	/** A run's errors in a sentence, whatever shape Timers gave them. */
	private static String error(JsonNode errors) {
		if (errors.isNull() || errors.isMissingNode()) {
			return null;
		}
		if (errors.isString()) {
			return errors.asString();
		}
		JsonNode first = errors.isArray() ? errors.path(0) : errors;
		String message = firstText(first, "message", "detail", "description");
		String code = firstText(first, "code");
		if (message == null && code == null) {
			return errors.isEmpty() ? null : first.toString();
		}
		return (code != null && message != null) ? code + ": " + message : (message != null) ? message : code;
	}

	private static int count(JsonNode node, String... fields) {
		for (String field : fields) {
			if (node.path(field).isNumber()) {
				return node.path(field).asInt();
			}
		}
		return 0;
	}

	private static String firstText(JsonNode node, String... fields) {
		for (String field : fields) {
			String value = text(node, field);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	private static String text(JsonNode node, String field) {
		return GlobusErrors.text(node, field);
	}

	private static Instant instant(JsonNode node, String field) {
		OffsetDateTime time = GlobusTimes.parse(text(node, field));
		return (time != null) ? time.toInstant() : null;
	}

}
