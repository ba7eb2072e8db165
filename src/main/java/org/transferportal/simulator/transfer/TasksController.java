package org.transferportal.simulator.transfer;

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
 * Simulated Transfer submission and task endpoints (reference §2, §3, §6.3, §6.5; delete,
 * pause_info and skipped_errors as in the delete reference §2.1, §2.5).
 */
@RestController
@RequestMapping(TransferErrorHandler.BASE)
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class TasksController {

	/** Items per page of the marker-paged lists. */
	private static final int MARKER_PAGE = 100;

	private final TransferAccess access;

	private final TaskEngine engine;

	private final SimFileSystem files;

	private final FaultInjector faults;

	private final TaskJson json;

	private final TransferSubmissions submissions;

	TasksController(TransferAccess access, TaskEngine engine, SimFileSystem files, FaultInjector faults, TaskJson json,
			TransferSubmissions submissions) {
		this.submissions = submissions;
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
			TransferDocuments.TransferRequest transfer = TransferDocuments.transfer(body);
			Optional<SimTask> duplicate = this.engine.findSubmission(caller.id(), transfer.submissionId());
			if (duplicate.isPresent()) {
				return this.json.result("transfer_result", "Duplicate", 200, duplicate.get(), request);
			}
			return answer("transfer_result",
					this.submissions.transfer(caller, transfer, List.of(TransferAccess.TRANSFER_ALL)), request);
		});
	}

	@PostMapping("/delete")
	ResponseEntity<String> delete(@RequestBody(required = false) String body, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			TransferDocuments.DeleteRequest delete = TransferDocuments.delete(body);
			Optional<SimTask> duplicate = this.engine.findSubmission(caller.id(), delete.submissionId());
			if (duplicate.isPresent()) {
				return this.json.result("delete_result", "Duplicate", 200, duplicate.get(), request);
			}
			SimCollection collection = this.access.usableForTask(delete.endpointId(), caller, delete.localUser(),
					"local_user");
			this.access.checkUse(caller, collection);
			TransferPlanner.Plan plan = new TransferPlanner(this.files).planDelete(delete, collection, caller);
			Map<String, Object> options = new LinkedHashMap<>();
			options.put("recursive", delete.recursive());
			options.put("ignore_missing", delete.ignoreMissing());
			Map.Entry<SimTask, Boolean> submitted = this.engine.submit(caller.id(), delete.submissionId(),
					(id) -> new SimTask(id, "DELETE", caller.id(), caller.token().clientId(), delete.submissionId(),
							collection.id(), null, this.engine.now(), plan.steps(), options, plan.failure(),
							delete.label(), delete.deadline()));
			return answer("delete_result", submitted, request);
		});
	}

	/**
	 * The answer to an accepted submission, unless a fault loses it or expires the new
	 * task's credentials.
	 */
	private ResponseEntity<String> answer(String dataType, Map.Entry<SimTask, Boolean> submitted,
			HttpServletRequest request) {
		ResponseEntity<String> answer = submitted.getValue()
				? this.json.result(dataType, "Accepted", 202, submitted.getKey(), request)
				: this.json.result(dataType, "Duplicate", 200, submitted.getKey(), request);
		String resource = TransferErrorHandler.resource(request);
		if (submitted.getValue() && this.faults.expiresCredentials(request.getMethod(), resource)) {
			this.engine.expireCredentials(submitted.getKey());
		}
		return this.faults.lostAnswer(request.getMethod(), resource, answer).orElse(answer);
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
			@RequestParam(defaultValue = "0") int offset, @RequestParam(required = false) String filter,
			HttpServletRequest request) {
		return guarded(request, (caller) -> {
			page(limit, offset);
			Boolean errors = errorFilter(filter);
			SimTask task = task(caller, taskId);
			List<SimTask.Event> events;
			synchronized (task) {
				events = new ArrayList<>(task.events);
			}
			events.removeIf((e) -> errors != null && e.error() != errors);
			events.sort(Comparator.comparing(SimTask.Event::time).reversed());
			List<Map<String, Object>> page = events.stream().skip(offset).limit(limit).map(TaskJson::event).toList();
			return SimJson.respond(200, SimJson.object("DATA_TYPE", "event_list", "length", page.size(), "limit", limit,
					"offset", offset, "total", events.size(), "DATA", page));
		});
	}

	@GetMapping("/task/{taskId}/successful_transfers")
	ResponseEntity<String> successfulTransfers(@PathVariable String taskId,
			@RequestParam(defaultValue = "0") int marker, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			SimTask task = task(caller, taskId);
			List<SimTask.Step> copies = task.fileCopies();
			int done = (int) Math.floor(copies.size() * this.engine.progress(task));
			return markerPage("successful_transfers", copies.subList(0, done), marker,
					(s) -> SimJson.object("DATA_TYPE", "successful_transfer", "source_path", s.sourcePath(),
							"destination_path", s.destinationPath()));
		});
	}

	@GetMapping("/task/{taskId}/skipped_errors")
	ResponseEntity<String> skippedErrors(@PathVariable String taskId, @RequestParam(defaultValue = "0") int marker,
			HttpServletRequest request) {
		return guarded(request, (caller) -> {
			SimTask task = task(caller, taskId);
			List<SimTask.SkippedError> skipped;
			synchronized (task) {
				skipped = List.copyOf(task.skippedErrors);
			}
			return markerPage("skipped_errors", skipped, marker, TaskJson::skippedError);
		});
	}

	@GetMapping("/task/{taskId}/pause_info")
	ResponseEntity<String> pauseInfo(@PathVariable String taskId, HttpServletRequest request) {
		return guarded(request, (caller) -> SimJson.respond(200, this.json.pauseInfo(task(caller, taskId))));
	}

	@GetMapping("/task_list")
	ResponseEntity<String> taskList(@RequestParam(defaultValue = "10") int limit,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(required = false) List<String> filter,
			@RequestParam(defaultValue = "request_time DESC") String orderby, HttpServletRequest request) {
		return guarded(request, (caller) -> {
			page(limit, offset);
			List<SimTask> tasks = new ArrayList<>(this.engine.tasksOf(caller.id()));
			TaskFilter taskFilter = TaskFilter.parse(filter);
			tasks.removeIf((t) -> !taskFilter.matches(t));
			tasks.sort(TaskFilter.order(orderby));
			List<Map<String, Object>> page = tasks.stream().skip(offset).limit(limit).map(this.json::task).toList();
			return SimJson.respond(200, SimJson.object("DATA_TYPE", "task_list", "length", page.size(), "limit", limit,
					"offset", offset, "total", tasks.size(), "DATA", page));
		});
	}

	/**
	 * Transfer's offset paging: at most 1000 results however the pages are cut (the SDK's
	 * paginators stop at {@code offset + limit = 1000}).
	 */
	private static void page(int limit, int offset) {
		if (limit < 1 || limit > 1000 || offset < 0) {
			throw TransferError.badRequest("limit must be 1..1000 and offset non-negative");
		}
		if (offset + limit > 1000) {
			throw TransferError
				.badRequest("offset + limit must be at most 1000: narrow the filter instead of " + "paging further");
		}
	}

	/** {@code event_list}'s filter: {@code is_error:1} or {@code is_error:0}. */
	private static Boolean errorFilter(String filter) {
		if (filter == null || filter.isBlank()) {
			return null;
		}
		return switch (filter.trim()) {
			case "is_error:1" -> true;
			case "is_error:0" -> false;
			default -> throw TransferError
				.badRequest("Invalid event_list filter '" + filter + "': the only filter is is_error:1 or is_error:0");
		};
	}

	/** One page of a marker-paged list; the marker is the index of its first item. */
	private static <T> ResponseEntity<String> markerPage(String dataType, List<T> items, int marker,
			java.util.function.Function<T, Map<String, Object>> json) {
		int from = Math.max(0, Math.min(marker, items.size()));
		int to = Math.min(items.size(), from + MARKER_PAGE);
		return SimJson.respond(200, SimJson.object("DATA_TYPE", dataType, "marker", marker, "next_marker",
				(to < items.size()) ? to : null, "DATA", items.subList(from, to).stream().map(json).toList()));
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
