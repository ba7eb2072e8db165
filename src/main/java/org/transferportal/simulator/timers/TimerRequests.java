package org.transferportal.simulator.timers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a {@code POST /v2/timer} body as Timers' models do, answering a 422 in FastAPI's
 * shape for the first problem: a transfer timer, a {@code once} or {@code recurring}
 * schedule (an interval of 60 seconds to 365 days, a start within a year, an end after
 * {@code count} runs — {@code iterations} is no field — or at a time), and a transfer
 * document without a submission id.
 */
final class TimerRequests {

	static final long MIN_INTERVAL_SECONDS = 60;

	static final long MAX_INTERVAL_SECONDS = 365L * 24 * 3600;

	/** How far in the past a start may be and still count as "now". */
	static final Duration GRACE = Duration.ofMinutes(5);

	private static final Set<String> TIMER_FIELDS = Set.of("timer_type", "name", "schedule", "resource_server", "body");

	private static final Set<String> BODY_FIELDS = Set.of("DATA_TYPE", "source_endpoint", "destination_endpoint",
			"DATA", "deadline", "delete_destination_extra", "destination_local_user", "encrypt_data",
			"fail_on_quota_errors", "filter_rules", "label", "notify_on_failed", "notify_on_inactive",
			"notify_on_succeeded", "preserve_timestamp", "skip_source_errors", "source_local_user",
			"store_base_path_info", "sync_level", "verify_checksum");

	private TimerRequests() {
	}

	/**
	 * A timer's schedule, read.
	 *
	 * @param type {@code once} or {@code recurring}
	 * @param intervalSeconds whole seconds between runs (recurring)
	 * @param start the first run, on the timer's clock
	 * @param endCount runs before it ends, or null
	 * @param endTime when it ends, or null
	 * @param asGiven the schedule as the client sent it, with {@code start} filled in
	 */
	record Plan(String type, Long intervalSeconds, Instant start, Integer endCount, Instant endTime,
			ObjectNode asGiven) {

		boolean recurring() {
			return "recurring".equals(this.type);
		}

	}

	/**
	 * A timer to create.
	 *
	 * @param name its name
	 * @param plan its schedule
	 * @param body the transfer its runs submit
	 */
	record NewTimer(String name, Plan plan, ObjectNode body) {
	}

	static NewTimer parse(JsonNode request, Instant now) {
		JsonNode timer = request.path("timer");
		if (!timer.isObject()) {
			throw missing(List.of("body", "timer"));
		}
		unknownFields(timer, TIMER_FIELDS, List.of("body", "timer"));
		if (!"transfer".equals(timer.path("timer_type").asString(""))) {
			throw TimerError.invalid(List.of("body", "timer", "timer_type"),
					"unexpected value; permitted: 'transfer', 'flow'", "value_error.const");
		}
		JsonNode resourceServer = timer.path("resource_server");
		if (!resourceServer.isMissingNode() && !"transfer.api.globus.org".equals(resourceServer.asString(""))) {
			throw TimerError.invalid(List.of("body", "timer", "resource_server"),
					"unexpected value; permitted: 'transfer.api.globus.org'", "value_error.const");
		}
		JsonNode name = timer.path("name");
		if (!name.isMissingNode() && !name.isNull() && !name.isString()) {
			throw TimerError.invalid(List.of("body", "timer", "name"), "str type expected", "type_error.str");
		}
		Plan plan = schedule(timer.path("schedule"), now);
		ObjectNode body = body(timer.path("body"));
		return new NewTimer(name.isString() ? name.asString() : null, plan, body);
	}

	private static Plan schedule(JsonNode schedule, Instant now) {
		List<Object> at = new ArrayList<>(List.of("body", "timer", "schedule"));
		if (!schedule.isObject()) {
			throw missing(at);
		}
		ObjectNode given = (ObjectNode) schedule.deepCopy();
		String type = schedule.path("type").asString("");
		if ("once".equals(type)) {
			unknownFields(schedule, Set.of("type", "datetime"), at);
			Instant when = optionalTime(schedule, "datetime", at, now);
			when = (when != null) ? when : now;
			given.put("datetime", TimerJson.time(when));
			return new Plan(type, null, when, 1, null, given);
		}
		if (!"recurring".equals(type)) {
			throw TimerError.invalid(with(at, "type"), "unexpected value; permitted: 'once', 'recurring'",
					"value_error.const");
		}
		unknownFields(schedule, Set.of("type", "interval_seconds", "start", "end"), at);
		JsonNode interval = schedule.path("interval_seconds");
		if (interval.isMissingNode() || interval.isNull()) {
			throw missing(with(at, "interval_seconds"));
		}
		if (!interval.isNumber()) {
			throw TimerError.invalid(with(at, "interval_seconds"), "value is not a valid integer",
					"type_error.integer");
		}
		// Intervals are rounded down to whole seconds (the service's description).
		long seconds = (long) Math.floor(interval.asDouble());
		if (seconds < MIN_INTERVAL_SECONDS) {
			throw TimerError.invalid(with(at, "interval_seconds"),
					"ensure this value is greater than or equal to " + MIN_INTERVAL_SECONDS,
					"value_error.number.not_ge");
		}
		if (seconds > MAX_INTERVAL_SECONDS) {
			throw TimerError.invalid(with(at, "interval_seconds"),
					"ensure this value is less than or equal to " + MAX_INTERVAL_SECONDS, "value_error.number.not_le");
		}
		Instant start = optionalTime(schedule, "start", at, now);
		start = (start != null) ? start : now;
		given.put("interval_seconds", seconds);
		given.put("start", TimerJson.time(start));
		Integer endCount = null;
		Instant endTime = null;
		JsonNode end = schedule.path("end");
		if (end.isObject()) {
			List<Object> endAt = with(at, "end");
			String condition = end.path("condition").asString("");
			if ("iterations".equals(condition)) {
				unknownFields(end, Set.of("condition", "count"), endAt);
				JsonNode count = end.path("count");
				if (count.isMissingNode() || count.isNull()) {
					throw missing(with(endAt, "count"));
				}
				if (!count.isIntegralNumber() || count.asInt() < 1) {
					throw TimerError.invalid(with(endAt, "count"), "ensure this value is greater than or equal to 1",
							"value_error.number.not_ge");
				}
				endCount = count.asInt();
			}
			else if ("time".equals(condition)) {
				unknownFields(end, Set.of("condition", "datetime"), endAt);
				endTime = time(end.path("datetime"), with(endAt, "datetime"));
				if (!endTime.isAfter(start)) {
					throw TimerError.invalid(with(endAt, "datetime"), "the end must be after the start", "value_error");
				}
			}
			else {
				throw TimerError.invalid(with(endAt, "condition"), "unexpected value; permitted: 'iterations', 'time'",
						"value_error.const");
			}
		}
		else if (!end.isMissingNode() && !end.isNull()) {
			throw TimerError.invalid(with(at, "end"), "value is not a valid dict", "type_error.dict");
		}
		return new Plan(type, seconds, start, endCount, endTime, given);
	}

	private static ObjectNode body(JsonNode body) {
		List<Object> at = List.of("body", "timer", "body");
		if (!body.isObject()) {
			throw missing(at);
		}
		unknownFields(body, BODY_FIELDS, at);
		if (!"transfer".equals(body.path("DATA_TYPE").asString("transfer"))) {
			throw TimerError.invalid(with(at, "DATA_TYPE"), "unexpected value; permitted: 'transfer'",
					"value_error.const");
		}
		for (String field : List.of("source_endpoint", "destination_endpoint")) {
			if (!body.path(field).isString() || body.path(field).asString().isBlank()) {
				throw missing(with(at, field));
			}
		}
		JsonNode data = body.path("DATA");
		if (!data.isArray() || data.isEmpty()) {
			throw TimerError.invalid(with(at, "DATA"), "ensure this value has at least 1 items",
					"value_error.list.min_items");
		}
		return (ObjectNode) body.deepCopy();
	}

	/**
	 * A date-time field within a year of now and not in the past (a little grace aside).
	 */
	private static Instant optionalTime(JsonNode parent, String field, List<Object> at, Instant now) {
		JsonNode value = parent.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		Instant time = time(value, with(at, field));
		if (time.isBefore(now.minus(GRACE))) {
			throw TimerError.invalid(with(at, field), "must be in the future or close to the current time",
					"value_error");
		}
		if (time.isAfter(now.plus(Duration.ofDays(365)))) {
			throw TimerError.invalid(with(at, field), "must be within one year of submission", "value_error");
		}
		return time;
	}

	private static Instant time(JsonNode value, List<Object> at) {
		if (!value.isString()) {
			throw missing(at);
		}
		String text = value.asString().trim();
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				// A time without an offset is taken as UTC, as Globus's SDK sends it.
				return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException again) {
				throw TimerError.invalid(at, "invalid datetime format", "value_error.datetime");
			}
		}
	}

	private static void unknownFields(JsonNode node, Set<String> known, List<Object> at) {
		for (String field : node.propertyNames()) {
			if (!known.contains(field)) {
				throw TimerError.invalid(with(at, field), "extra fields not permitted", "value_error.extra");
			}
		}
	}

	private static TimerError missing(List<Object> at) {
		return TimerError.invalid(at, "field required", "value_error.missing");
	}

	private static List<Object> with(List<Object> at, String field) {
		List<Object> loc = new ArrayList<>(at);
		loc.add(field);
		return loc;
	}

}
