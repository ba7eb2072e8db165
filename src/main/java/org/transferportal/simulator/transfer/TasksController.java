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

	private static final List<String> TRANSFER_BOOLEANS = List.of("verify_checksum", "preserve_timestamp",
			"encrypt_data", "skip_source_errors", "fail_on_quota_errors", "delete_destination_extra",
			"notify_on_succeeded", "notify_on_failed", "notify_on_inactive", "store_base_path_info",
			"skip_activation_check");

	private final TransferAccess access;

	private final TaskEngine engine;

	private final SimFileSystem files;

	private final FaultInjector faults;

	private final TaskJson json;

	TasksController(TransferAccess access, TaskEngine engine, SimFileSystem files, FaultInjector faults,
			TaskJson json) {
		this.access = access;
		this.engine = engine;
		this.files = files;
		this.faults = faults;
		this.json = json;
	}

	@GetMapping("/submission_id")
	ResponseEntity<String> submissionId(HttpServletRequest request) {
		return guarded(request, (caller) -> SimJson.respond(200,
				SimJson.object("DATA_TYPE", "submission_id", "value", UUID.randomUUID().toString())));
	}

	@PostMapping("/transfer")
	ResponseEntity<String> transfer(@RequestBody(required = false) String body, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			JsonNode doc = TransferDocuments.parse(body, "transfer");
			String submissionId = TransferDocuments.submissionId(doc);
			Optional<SimTask> duplicate = this.engine.findSubmission(caller.id(), submissionId);
			if (duplicate.isPresent()) {
				return this.json.result("transfer_result", "Duplicate", 200, duplicate.get(), request);
			}
			SimCollection source = this.access.collection(TransferDocuments.requiredString(doc, "source_endpoint"));
			SimCollection destination = this.access
				.collection(TransferDocuments.requiredString(doc, "destination_endpoint"));
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
				TransferDocuments.absolute(TransferDocuments.requiredString(item, "source_path"), "source_path");
				TransferDocuments.absolute(TransferDocuments.requiredString(item, "destination_path"),
						"destination_path");
				TransferDocuments.optionalBoolean(item, "recursive");
			}
			String label = TransferDocuments.label(doc);
			Instant deadline = TransferDocuments.deadline(doc);
			Integer syncLevel = TransferDocuments.syncLevel(doc.get("sync_level"));
			List<SimFilterRule> rules = TransferDocuments.filterRules(doc.get("filter_rules"));
			Map<String, Object> options = new LinkedHashMap<>();
			for (String name : TRANSFER_BOOLEANS) {
				options.put(name, TransferDocuments.optionalBoolean(doc, name));
			}
			options.put("sync_level", syncLevel);
			options.put("filter_rules", (rules.isEmpty()) ? null : rules.stream().map(SimFilterRule::json).toList());
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
					? this.json.result("transfer_result", "Accepted", 202, submitted.getKey(), request)
					: this.json.result("transfer_result", "Duplicate", 200, submitted.getKey(), request);
			return this.faults.lostAnswer(request.getMethod(), TransferErrorHandler.resource(request), answer)
				.orElse(answer);
		});
	}

	@PostMapping("/delete")
	ResponseEntity<String> delete(@RequestBody(required = false) String body, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			JsonNode doc = TransferDocuments.parse(body, "delete");
			String submissionId = TransferDocuments.submissionId(doc);
			Optional<SimTask> duplicate = this.engine.findSubmission(caller.id(), submissionId);
			if (duplicate.isPresent()) {
				return this.json.result("delete_result", "Duplicate", 200, duplicate.get(), request);
			}
			SimCollection collection = this.access.collection(TransferDocuments.requiredString(doc, "endpoint"));
			JsonNode items = doc.path("DATA");
			if (!items.isArray() || items.isEmpty()) {
				throw new TransferError(400, "ClientError.BadRequest.NoTransferItems",
						"A delete requires at least one item");
			}
			for (JsonNode item : items) {
				if (!"delete_item".equals(item.path("DATA_TYPE").asString("delete_item"))) {
					throw TransferError.badRequest("Invalid DATA_TYPE for a delete item");
				}
				TransferDocuments.absolute(TransferDocuments.requiredString(item, "path"), "path");
			}
			String label = TransferDocuments.label(doc);
			Instant deadline = TransferDocuments.deadline(doc);
			boolean recursive = Boolean.TRUE.equals(TransferDocuments.optionalBoolean(doc, "recursive"));
			boolean ignoreMissing = Boolean.TRUE.equals(TransferDocuments.optionalBoolean(doc, "ignore_missing"));
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
			return submitted.getValue()
					? this.json.result("delete_result", "Accepted", 202, submitted.getKey(), request)
					: this.json.result("delete_result", "Duplicate", 200, submitted.getKey(), request);
		});
	}

	@GetMapping("/task/{taskId}")
	ResponseEntity<String> task(@PathVariable String taskId, HttpServletRequest request) {
		return guarded(request, (caller) -> SimJson.respond(200, this.json.task(task(caller, taskId))));
	}

	@PutMapping("/task/{taskId}")
	ResponseEntity<String> updateTask(@PathVariable String taskId, @RequestBody(required = false) String body,
			HttpServletRequest request) {
		return guarded(request, (caller) -> {
			SimTask task = task(caller, taskId);
			JsonNode doc = TransferDocuments.parse(body, "task");
			for (var field : doc.propertyNames()) {
				if (!List.of("DATA_TYPE", "label", "deadline").contains(field)) {
					throw TransferError.badRequest("Only label and deadline can be updated, not '" + field + "'");
				}
			}
			String label = doc.has("label") ? TransferDocuments.label(doc) : task.label;
			Instant deadline = doc.has("deadline") ? TransferDocuments.deadline(doc) : task.deadline;
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
			List<Map<String, Object>> page = tasks.stream().skip(offset).limit(limit).map(this.json::task).toList();
			return SimJson.respond(200, SimJson.object("DATA_TYPE", "task_list", "length", page.size(), "limit", limit,
					"offset", offset, "total", tasks.size(), "DATA", page));
		});
	}

	private SimTask task(TransferAccess.Caller caller, String taskId) {
		return this.engine.find(caller.id(), taskId)
			.orElseThrow(() -> TransferError.notFound("Task " + taskId + " not found"));
	}

	private ResponseEntity<String> guarded(HttpServletRequest request,
			java.util.function.Function<TransferAccess.Caller, ResponseEntity<String>> handler) {
		Optional<ResponseEntity<String>> fault = this.access.fault(request);
		if (fault.isPresent()) {
			return fault.get();
		}
		return handler.apply(this.access.authenticate(request));
	}

}
