package org.transferportal.simulator.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.transferportal.simulator.FaultInjector;
import org.transferportal.simulator.SimCollection;
import org.transferportal.simulator.SimJson;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulated Transfer submission and task endpoints (reference §2, §3, §6.3, §6.5).
 */
@RestController
@RequestMapping(TransferErrorHandler.BASE)
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class TasksController {

	private static final List<String> SYNC_LEVELS = List.of("exists", "size", "mtime", "checksum");

	private static final List<String> TRANSFER_BOOLEANS = List.of("verify_checksum", "preserve_timestamp",
			"encrypt_data", "skip_source_errors", "fail_on_quota_errors", "delete_destination_extra",
			"notify_on_succeeded", "notify_on_failed", "notify_on_inactive", "store_base_path_info",
			"skip_activation_check");

	private final TransferAccess access;

	private final TaskEngine engine;

	private final SimFileSystem files;

	private final FaultInjector faults;

	TasksController(TransferAccess access, TaskEngine engine, SimFileSystem files, FaultInjector faults) {
		this.access = access;
		this.engine = engine;
		this.files = files;
		this.faults = faults;
	}

	@GetMapping("/submission_id")
	ResponseEntity<String> submissionId(HttpServletRequest request) {
		return guarded(request, (caller) -> SimJson.respond(200,
				SimJson.object("DATA_TYPE", "submission_id", "value", UUID.randomUUID().toString())));
	}

	@PostMapping("/transfer")
	ResponseEntity<String> transfer(@RequestBody(required = false) String body, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			JsonNode doc = parse(body, "transfer");
			String submissionId = submissionId(doc);
			Optional<SimTask> duplicate = this.engine.findSubmission(caller.id(), submissionId);
			if (duplicate.isPresent()) {
				return result("transfer_result", "Duplicate", 200, duplicate.get(), request);
			}
			SimCollection source = this.access.collection(requiredString(doc, "source_endpoint"));
			SimCollection destination = this.access.collection(requiredString(doc, "destination_endpoint"));
			JsonNode items = doc.path("DATA");
			if (!items.isArray() || items.isEmpty()) {
				throw new TransferError(400, "ClientError.BadRequest.NoTransferItems",
						"A transfer requires at least one item");
			}
			for (JsonNode item : items) {
				String type = item.path("DATA_TYPE").asString("transfer_item");
				if (!"transfer_item".equals(type) && !"transfer_symlink_item".equals(type)) {
					throw TransferError.badRequest("Invalid DATA_TYPE '" + type + "' for a transfer item");
				}
				absolute(requiredString(item, "source_path"), "source_path");
				absolute(requiredString(item, "destination_path"), "destination_path");
				optionalBoolean(item, "recursive");
			}
			String label = label(doc);
			Instant deadline = deadline(doc);
			Integer syncLevel = syncLevel(doc.get("sync_level"));
			List<FilterRule> rules = filterRules(doc.get("filter_rules"));
			Map<String, Object> options = new LinkedHashMap<>();
			for (String name : TRANSFER_BOOLEANS) {
				options.put(name, optionalBoolean(doc, name));
			}
			options.put("sync_level", syncLevel);
			options.put("filter_rules", (rules.isEmpty()) ? null : rules.stream().map(FilterRule::json).toList());
			for (SimCollection collection : List.of(source, destination)) {
				if (collection.nonFunctional()) {
					throw TransferError.badRequest("'" + collection.displayName()
							+ "' is a Globus Connect Server endpoint, not a collection; pick one of its collections");
				}
			}
			this.access.checkUse(caller, source, destination);
			TransferPlanner.Plan plan = new TransferPlanner(this.files).plan(source, destination, caller, items,
					syncLevel, rules);
			Map.Entry<SimTask, Boolean> submitted = this.engine.submit(caller.id(), submissionId,
					(id) -> new SimTask(id, "TRANSFER", caller.id(), submissionId, source.id(), destination.id(),
							this.engine.now(), plan.steps(), options, plan.error(),
							TaskEngine.simulatedSeconds(plan.bytes(), plan.steps().size()), label, deadline));
			ResponseEntity<String> answer = submitted.getValue()
					? result("transfer_result", "Accepted", 202, submitted.getKey(), request)
					: result("transfer_result", "Duplicate", 200, submitted.getKey(), request);
			return this.faults.lostAnswer(request.getMethod(), TransferErrorHandler.resource(request), answer)
				.orElse(answer);
		});
	}

	@PostMapping("/delete")
	ResponseEntity<String> delete(@RequestBody(required = false) String body, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			JsonNode doc = parse(body, "delete");
			String submissionId = submissionId(doc);
			Optional<SimTask> duplicate = this.engine.findSubmission(caller.id(), submissionId);
			if (duplicate.isPresent()) {
				return result("delete_result", "Duplicate", 200, duplicate.get(), request);
			}
			SimCollection collection = this.access.collection(requiredString(doc, "endpoint"));
			JsonNode items = doc.path("DATA");
			if (!items.isArray() || items.isEmpty()) {
				throw new TransferError(400, "ClientError.BadRequest.NoTransferItems",
						"A delete requires at least one item");
			}
			for (JsonNode item : items) {
				if (!"delete_item".equals(item.path("DATA_TYPE").asString("delete_item"))) {
					throw TransferError.badRequest("Invalid DATA_TYPE for a delete item");
				}
				absolute(requiredString(item, "path"), "path");
			}
			String label = label(doc);
			Instant deadline = deadline(doc);
			boolean recursive = Boolean.TRUE.equals(optionalBoolean(doc, "recursive"));
			boolean ignoreMissing = Boolean.TRUE.equals(optionalBoolean(doc, "ignore_missing"));
			if (collection.nonFunctional()) {
				throw TransferError.badRequest("'" + collection.displayName() + "' is an endpoint, not a collection");
			}
			this.access.checkUse(caller, collection);
			TransferPlanner.Plan plan = new TransferPlanner(this.files).planDelete(collection, caller, items, recursive,
					ignoreMissing);
			Map<String, Object> options = new LinkedHashMap<>();
			options.put("recursive", recursive);
			options.put("ignore_missing", ignoreMissing);
			Map.Entry<SimTask, Boolean> submitted = this.engine.submit(caller.id(), submissionId,
					(id) -> new SimTask(id, "DELETE", caller.id(), submissionId, collection.id(), null,
							this.engine.now(), plan.steps(), options, plan.error(),
							TaskEngine.simulatedSeconds(0, plan.steps().size()), label, deadline));
			return submitted.getValue() ? result("delete_result", "Accepted", 202, submitted.getKey(), request)
					: result("delete_result", "Duplicate", 200, submitted.getKey(), request);
		});
	}

	@GetMapping("/task/{taskId}")
	ResponseEntity<String> task(@PathVariable String taskId, HttpServletRequest request) {
		return guarded(request, (caller) -> SimJson.respond(200, taskJson(task(caller, taskId))));
	}

	@PutMapping("/task/{taskId}")
	ResponseEntity<String> updateTask(@PathVariable String taskId, @RequestBody(required = false) String body,
			HttpServletRequest request) {
		return guarded(request, (caller) -> {
			SimTask task = task(caller, taskId);
			JsonNode doc = parse(body, "task");
			for (var field : doc.propertyNames()) {
				if (!List.of("DATA_TYPE", "label", "deadline").contains(field)) {
					throw TransferError.badRequest("Only label and deadline can be updated, not '" + field + "'");
				}
			}
			String label = doc.has("label") ? label(doc) : task.label;
			Instant deadline = doc.has("deadline") ? deadline(doc) : task.deadline;
			synchronized (task) {
				if (!"ACTIVE".equals(task.status) && !"INACTIVE".equals(task.status)) {
					throw new TransferError(409, "Conflict", "Task " + taskId + " is complete and cannot be updated");
				}
				task.label = label;
				task.deadline = deadline;
			}
			return SimJson.respond(200,
					SimJson.object("DATA_TYPE", "result", "code", "Updated", "message", "Updated task " + taskId,
							"request_id", SimJson.requestId(), "resource", TransferErrorHandler.resource(request)));
		});
	}

	@PostMapping("/task/{taskId}/cancel")
	ResponseEntity<String> cancel(@PathVariable String taskId, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			SimTask task = task(caller, taskId);
			boolean canceled = this.engine.cancel(task);
			return SimJson.respond(200,
					SimJson.object("DATA_TYPE", "result", "code", canceled ? "Canceled" : "TaskComplete", "message",
							canceled ? "The task has been cancelled successfully."
									: "The task completed before the cancel request was processed.",
							"request_id", SimJson.requestId(), "resource", TransferErrorHandler.resource(request)));
		});
	}

	@GetMapping("/task/{taskId}/event_list")
	ResponseEntity<String> events(@PathVariable String taskId, @RequestParam(defaultValue = "10") int limit,
			@RequestParam(defaultValue = "0") int offset, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			SimTask task = task(caller, taskId);
			List<SimTask.Event> events;
			synchronized (task) {
				events = new ArrayList<>(task.events);
			}
			events.sort(Comparator.comparing(SimTask.Event::time).reversed());
			int size = Math.max(0, Math.min(limit, 1000));
			List<Map<String, Object>> page = events.stream()
				.skip(Math.max(0, offset))
				.limit(size)
				.map((e) -> SimJson.object("DATA_TYPE", "event", "code", e.code(), "description", e.description(),
						"details", e.details(), "is_error", e.error(), "time", Times.task(e.time())))
				.toList();
			return SimJson.respond(200, SimJson.object("DATA_TYPE", "event_list", "length", page.size(), "limit", size,
					"offset", offset, "total", events.size(), "DATA", page));
		});
	}

	@GetMapping("/task/{taskId}/successful_transfers")
	ResponseEntity<String> successfulTransfers(@PathVariable String taskId,
			@RequestParam(defaultValue = "0") int marker, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			SimTask task = task(caller, taskId);
			List<SimTask.Step> copies = task.fileCopies();
			int done = "SUCCEEDED".equals(task.status) ? copies.size()
					: (int) Math.floor(copies.size() * this.engine.progress(task));
			int pageSize = 100;
			int from = Math.max(0, Math.min(marker, done));
			int to = Math.min(done, from + pageSize);
			List<Map<String, Object>> page = copies.subList(from, to)
				.stream()
				.map((s) -> SimJson.object("DATA_TYPE", "successful_transfer", "source_path", s.sourcePath(),
						"destination_path", s.destinationPath()))
				.toList();
			return SimJson.respond(200, SimJson.object("DATA_TYPE", "successful_transfers", "marker", marker,
					"next_marker", (to < done) ? to : null, "DATA", page));
		});
	}

	@GetMapping("/task/{taskId}/skipped_errors")
	ResponseEntity<String> skippedErrors(@PathVariable String taskId, @RequestParam(defaultValue = "0") int marker,
			HttpServletRequest request) {
		return guarded(request, (caller) -> {
			task(caller, taskId);
			return SimJson.respond(200, SimJson.object("DATA_TYPE", "skipped_errors", "marker", marker, "next_marker",
					null, "DATA", List.of()));
		});
	}

	@GetMapping("/task_list")
	ResponseEntity<String> taskList(@RequestParam(defaultValue = "10") int limit,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(required = false) List<String> filter,
			@RequestParam(defaultValue = "request_time DESC") String orderby, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			if (limit < 0 || limit > 1000 || offset < 0) {
				throw TransferError.badRequest("limit must be 0..1000 and offset non-negative");
			}
			List<SimTask> tasks = new ArrayList<>(this.engine.tasksOf(caller.id()));
			TaskFilter taskFilter = TaskFilter.parse(filter);
			tasks.removeIf((t) -> !taskFilter.matches(t));
			tasks.sort(TaskFilter.order(orderby));
			List<Map<String, Object>> page = tasks.stream().skip(offset).limit(limit).map(this::taskJson).toList();
			return SimJson.respond(200, SimJson.object("DATA_TYPE", "task_list", "length", page.size(), "limit", limit,
					"offset", offset, "total", tasks.size(), "DATA", page));
		});
	}

	private SimTask task(TransferAccess.Caller caller, String taskId) {
		return this.engine.find(caller.id(), taskId)
			.orElseThrow(() -> TransferError.notFound("Task " + taskId + " not found"));
	}

	Map<String, Object> taskJson(SimTask task) {
		synchronized (task) {
			boolean active = "ACTIVE".equals(task.status);
			boolean succeeded = "SUCCEEDED".equals(task.status);
			double progress = this.engine.progress(task);
			long bytes = Math.round(task.totalBytes() * progress);
			List<SimTask.Step> copies = task.fileCopies();
			long filesTransferred = succeeded ? copies.size() : (long) Math.floor(copies.size() * progress);
			int total = Math.max(1, task.steps.size());
			int succeededSubtasks = succeeded ? total : (int) Math.floor(total * progress);
			Instant end = (task.completionTime != null) ? task.completionTime : this.engine.now();
			double seconds = Math.max(0.001, Duration.between(task.requestTime, end).toMillis() / 1000.0);
			String source = task.sourceId;
			String destination = task.destinationId;
			boolean expired = task.fatalError != null && "EXPIRED".equals(task.fatalError.get("code"));
			boolean failedByError = "FAILED".equals(task.status) && !task.canceled && !expired;
			int remaining = active ? total - succeededSubtasks : 0;
			int leftOver = total - succeededSubtasks;
			Map<String, Object> json = SimJson.object("DATA_TYPE", "task", "task_id", task.id, "type", task.type,
					"status", task.status, "nice_status", active ? "OK" : null, "nice_status_short_description",
					active ? "OK" : null, "nice_status_details", null, "nice_status_expires_in", -1, "is_ok",
					active ? Boolean.TRUE : null, "is_paused", false, "label", task.label, "owner_id", task.ownerId,
					"username", "u_" + task.ownerId, "request_time", Times.task(task.requestTime), "completion_time",
					Times.task(task.completionTime), "deadline",
					Times.task((task.deadline != null) ? task.deadline : task.requestTime.plus(Duration.ofDays(1))),
					"source_endpoint", source, "source_endpoint_id", source, "source_endpoint_display_name",
					displayName(source), "destination_endpoint", destination, "destination_endpoint_id", destination,
					"destination_endpoint_display_name", (destination != null) ? displayName(destination) : null,
					"bytes_transferred", bytes, "bytes_checksummed",
					Boolean.TRUE.equals(task.options.get("verify_checksum")) ? bytes : 0, "effective_bytes_per_second",
					(long) (bytes / seconds), "files", task.files(), "directories", task.directories(), "symlinks", 0,
					"files_transferred", filesTransferred, "files_skipped", task.filesSkipped(), "faults",
					failedByError ? 1 : 0, "fatal_error",
					(task.fatalError != null) ? SimJson.object("code", task.fatalError.get("code"), "description",
							task.fatalError.get("description")) : null,
					"subtasks_total", total, "subtasks_pending", remaining, "subtasks_retrying", 0,
					"subtasks_succeeded", succeededSubtasks, "subtasks_failed", failedByError ? leftOver : 0,
					"subtasks_canceled", task.canceled ? leftOver : 0, "subtasks_expired", expired ? leftOver : 0,
					"subtasks_skipped_errors", 0);
			if ("TRANSFER".equals(task.type)) {
				json.put("sync_level", task.options.get("sync_level"));
				json.put("verify_checksum", !Boolean.FALSE.equals(task.options.get("verify_checksum")));
				json.put("encrypt_data", Boolean.TRUE.equals(task.options.get("encrypt_data")));
				json.put("preserve_timestamp", Boolean.TRUE.equals(task.options.get("preserve_timestamp")));
				json.put("delete_destination_extra", Boolean.TRUE.equals(task.options.get("delete_destination_extra")));
				json.put("skip_source_errors", Boolean.TRUE.equals(task.options.get("skip_source_errors")));
				json.put("fail_on_quota_errors", Boolean.TRUE.equals(task.options.get("fail_on_quota_errors")));
				json.put("recursive_symlinks", "ignore");
				json.put("filter_rules", task.options.get("filter_rules"));
			}
			else {
				json.put("recursive", task.options.get("recursive"));
				json.put("ignore_missing", task.options.get("ignore_missing"));
			}
			json.put("history_deleted", false);
			json.put("canceled_by_admin", null);
			json.put("canceled_by_admin_message", null);
			json.put("command", "API 0.10");
			return json;
		}
	}

	private String displayName(String collectionId) {
		return this.access.collection(collectionId).displayName();
	}

	private ResponseEntity<String> result(String dataType, String code, int status, SimTask task,
			HttpServletRequest request) {
		String message = "Accepted".equals(code)
				? "The " + ("delete_result".equals(dataType) ? "delete" : "transfer")
						+ " has been accepted and a task has been created and queued for execution"
				: "A task with submission id '" + task.submissionId + "' was already submitted";
		return SimJson.respond(status,
				SimJson.object("DATA_TYPE", dataType, "code", code, "message", message, "request_id",
						SimJson.requestId(), "resource", "/v0.10" + TransferErrorHandler.resource(request),
						"submission_id", task.submissionId, "task_id", task.id, "task_link",
						SimJson.object("DATA_TYPE", "link", "href", "/v0.10/task/" + task.id + "?format=json", "rel",
								"related", "resource", "task", "title", "related task")));
	}

	private ResponseEntity<String> guarded(HttpServletRequest request,
			java.util.function.Function<TransferAccess.Caller, ResponseEntity<String>> handler) {
		Optional<ResponseEntity<String>> fault = this.access.fault(request);
		if (fault.isPresent()) {
			return fault.get();
		}
		return handler.apply(this.access.authenticate(request));
	}

	static JsonNode parse(String body, String dataType) {
		if (body == null || body.isBlank()) {
			throw TransferError.badRequest("A JSON document is required");
		}
		JsonNode doc;
		try {
			doc = SimJson.read(body);
		}
		catch (RuntimeException ex) {
			throw TransferError.badRequest("Request body is not valid JSON");
		}
		if (!doc.isObject()) {
			throw TransferError.badRequest("Request body must be a JSON object");
		}
		if (!dataType.equals(doc.path("DATA_TYPE").asString(""))) {
			throw TransferError.badRequest("Invalid or missing DATA_TYPE: expected '" + dataType + "'");
		}
		return doc;
	}

	private static String submissionId(JsonNode doc) {
		JsonNode id = doc.get("submission_id");
		if (id == null || !id.isString() || id.asString().isBlank()) {
			throw TransferError.badRequest("submission_id is required; get one from GET /submission_id");
		}
		return id.asString();
	}

	static String requiredString(JsonNode doc, String field) {
		JsonNode value = doc.get(field);
		if (value == null || !value.isString() || value.asString().isEmpty()) {
			throw TransferError.badRequest("'" + field + "' is required and must be a string");
		}
		return value.asString();
	}

	private static void absolute(String path, String field) {
		if (!path.startsWith("/") && !path.startsWith("~")) {
			throw TransferError.badRequest("'" + field + "' must be an absolute path: '" + path + "'");
		}
	}

	private static Boolean optionalBoolean(JsonNode doc, String field) {
		JsonNode value = doc.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isBoolean()) {
			throw TransferError.badRequest("'" + field + "' must be true or false");
		}
		return value.asBoolean();
	}

	static String label(JsonNode doc) {
		JsonNode value = doc.get("label");
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw TransferError.badRequest("label must be a string");
		}
		String label = value.asString();
		if (label.length() > 128) {
			throw TransferError.badRequest("label must be at most 128 characters");
		}
		if (label.contains("\n") || label.contains("\r")) {
			throw TransferError.badRequest("label must not contain newlines");
		}
		if (!label.equals(label.strip())) {
			throw TransferError.badRequest("label must not start or end with blanks");
		}
		return label;
	}

	private static Instant deadline(JsonNode doc) {
		JsonNode value = doc.get("deadline");
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw TransferError.badRequest("deadline must be an ISO-8601 string");
		}
		return Times.parse(value.asString());
	}

	private static Integer syncLevel(JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isIntegralNumber() && value.asInt() >= 0 && value.asInt() <= 3) {
			return value.asInt();
		}
		if (value.isString() && SYNC_LEVELS.contains(value.asString())) {
			return SYNC_LEVELS.indexOf(value.asString());
		}
		throw TransferError.badRequest("sync_level must be 0, 1, 2 or 3");
	}

	private static List<FilterRule> filterRules(JsonNode value) {
		List<FilterRule> rules = new ArrayList<>();
		if (value == null || value.isNull()) {
			return rules;
		}
		if (!value.isArray()) {
			throw TransferError.badRequest("filter_rules must be a list");
		}
		for (JsonNode rule : value) {
			if (!rule.isObject() || !"filter_rule".equals(rule.path("DATA_TYPE").asString("filter_rule"))) {
				throw TransferError.badRequest("Each filter rule must be a filter_rule document");
			}
			String method = rule.path("method").asString("");
			String name = rule.path("name").asString("");
			JsonNode type = rule.get("type");
			if (!List.of("include", "exclude").contains(method) || name.isEmpty()) {
				throw TransferError.badRequest("A filter rule needs method include|exclude and a name");
			}
			if (type != null && !type.isNull() && !List.of("file", "dir").contains(type.asString(""))) {
				throw TransferError.badRequest("A filter rule's type must be file or dir");
			}
			rules.add(new FilterRule(method, name, (type == null || type.isNull()) ? null : type.asString()));
		}
		return rules;
	}

}
