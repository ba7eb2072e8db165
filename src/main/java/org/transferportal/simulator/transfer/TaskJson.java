package org.transferportal.simulator.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.transferportal.simulator.CollectionCatalog;
import org.transferportal.simulator.SimCollection;
import org.transferportal.simulator.SimJson;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Renders simulated tasks, their events, skipped errors and pause rules, and submission
 * results as Transfer's JSON (reference §2.4, §2.5 of the delete reference, §6.3, §6.5).
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class TaskJson {

	/** How long an error keeps showing in a queued task's {@code nice_status}. */
	private static final Duration RECENT_ERROR = Duration.ofMinutes(15);

	private final CollectionCatalog catalog;

	private final TaskEngine engine;

	TaskJson(CollectionCatalog catalog, TaskEngine engine) {
		this.catalog = catalog;
		this.engine = engine;
	}

	Map<String, Object> task(SimTask task) {
		synchronized (task) {
			Instant now = this.engine.now();
			boolean live = !task.finished();
			boolean succeeded = "SUCCEEDED".equals(task.status);
			double progress = this.engine.progress(task);
			List<SimTask.Step> good = task.goodSteps();
			List<SimTask.Step> copies = task.fileCopies();
			long bytes = Math.round(task.goodBytes() * progress);
			long filesTransferred = task.applied ? copies.size() : (long) Math.floor(copies.size() * progress);
			int total = Math.max(1, task.steps.size());
			int done = task.applied ? good.size() : (int) Math.floor(good.size() * progress);
			int skipped = task.skippedErrors.size();
			int retrying = (live && task.attempted) ? task.retryingSteps().size() : 0;
			int left = Math.max(0, total - done - skipped);
			boolean expired = task.fatalError != null && "EXPIRED".equals(task.fatalError.code());
			boolean failed = "FAILED".equals(task.status) && !task.canceled && !expired;
			Instant end = (task.completionTime != null) ? task.completionTime : now;
			double seconds = Math.max(0.001, Duration.between(task.requestTime, end).toMillis() / 1000.0);
			NiceStatus nice = niceStatus(task, now);
			Map<String, Object> json = SimJson.object("DATA_TYPE", "task", "task_id", task.id, "type", task.type,
					"status", task.status, "nice_status", nice.word(), "nice_status_short_description",
					nice.description(), "nice_status_details", nice.details(), "nice_status_expires_in",
					live ? -1 : null, "is_ok", nice.ok(), "is_paused", live && task.paused, "label", task.label,
					"owner_id", task.ownerId, "username", "u_" + task.ownerId, "request_time",
					Times.task(task.requestTime), "completion_time", Times.task(task.completionTime), "deadline",
					Times.task(task.effectiveDeadline()), "source_endpoint", task.sourceId, "source_endpoint_id",
					task.sourceId, "source_endpoint_display_name", displayName(task.sourceId), "destination_endpoint",
					task.destinationId, "destination_endpoint_id", task.destinationId,
					"destination_endpoint_display_name", displayName(task.destinationId), "bytes_transferred", bytes,
					"bytes_checksummed", Boolean.FALSE.equals(task.options.get("verify_checksum")) ? 0 : bytes,
					"effective_bytes_per_second", (long) (bytes / seconds), "files", task.files(), "directories",
					task.directories(), "symlinks", 0, "files_transferred", filesTransferred, "files_skipped",
					task.filesSkipped(), "faults", task.faults, "fatal_error",
					(task.fatalError != null) ? task.fatalError.json() : null, "subtasks_total", total,
					"subtasks_pending", live ? left - retrying : 0, "subtasks_retrying", retrying, "subtasks_succeeded",
					done, "subtasks_failed", failed ? left : 0, "subtasks_canceled", task.canceled ? left : 0,
					"subtasks_expired", expired ? left : 0, "subtasks_skipped_errors", skipped);
			if ("TRANSFER".equals(task.type)) {
				json.put("sync_level", task.options.get("sync_level"));
				json.put("verify_checksum", !Boolean.FALSE.equals(task.options.get("verify_checksum")));
				json.put("encrypt_data", Boolean.TRUE.equals(task.options.get("encrypt_data")));
				json.put("preserve_timestamp", Boolean.TRUE.equals(task.options.get("preserve_timestamp")));
				json.put("delete_destination_extra", Boolean.TRUE.equals(task.options.get("delete_destination_extra")));
				json.put("skip_source_errors", task.skipsSourceErrors());
				json.put("fail_on_quota_errors", Boolean.TRUE.equals(task.options.get("fail_on_quota_errors")));
				json.put("recursive_symlinks", "ignore");
				json.put("filter_rules", task.options.get("filter_rules"));
			}
			else {
				json.put("verify_checksum", false);
				json.put("preserve_timestamp", false);
				json.put("delete_destination_extra", false);
				json.put("encrypt_data", false);
				json.put("recursive_symlinks", null);
				json.put("sync_level", null);
			}
			json.put("history_deleted", false);
			json.put("canceled_by_admin", null);
			json.put("canceled_by_admin_message", null);
			json.put("command", "API 0.10");
			return json;
		}
	}

	/**
	 * What {@code nice_status} says: null once finished; the reason of an INACTIVE task;
	 * a pause; the latest error of a task that is retrying (or queued after an error in
	 * the last 15 minutes); else {@code Queued} or {@code OK}.
	 */
	private NiceStatus niceStatus(SimTask task, Instant now) {
		if (task.finished()) {
			return new NiceStatus(null, null, null, null);
		}
		if (task.inactivity != null) {
			return new NiceStatus(task.inactivity.niceStatus(), task.inactivity.description(),
					task.inactivity.details(), false);
		}
		if (task.paused) {
			return new NiceStatus("PAUSED", "paused", TaskConditions.pauseMessage(task, this.catalog), true);
		}
		boolean queued = task.phase == SimTask.Phase.QUEUED;
		SimTask.Event error = task.lastError;
		boolean erring = error != null
				&& (!task.retryingSteps().isEmpty() && (!queued || error.time().plus(RECENT_ERROR).isAfter(now)));
		if (erring) {
			return new NiceStatus(error.code(), error.description(), error.details(), false);
		}
		return queued ? new NiceStatus("Queued", "Queued", null, true) : new NiceStatus("OK", "OK", null, true);
	}

	/** {@code GET /task/{id}/pause_info}: the pause rules that hold the task. */
	Map<String, Object> pauseInfo(SimTask task) {
		List<Map<String, Object>> rules = task.collections()
			.stream()
			.map((id) -> this.catalog.find(id).orElse(null))
			.filter((c) -> c != null && c.pauseMessage() != null)
			.map((c) -> SimJson.object("DATA_TYPE", "pause_rule", "id", pauseRuleId(c), "message", c.pauseMessage(),
					"start_time", null, "endpoint_id", c.id(), "identity_id", null, "modified_by_id", c.ownerId(),
					"created_by_host_manager", false, "editable", false, "pause_ls", false, "pause_mkdir", true,
					"pause_rename", true, "pause_task_delete", true, "pause_task_transfer_write", true,
					"pause_task_transfer_read", true))
			.toList();
		SimCollection first = rules.isEmpty() ? null
				: this.catalog.find((String) rules.get(0).get("endpoint_id")).orElse(null);
		boolean source = first != null && first.id().equals(task.sourceId);
		return SimJson.object("endpoint_display_name", (first != null) ? first.displayName() : null, "message",
				(first != null) ? first.pauseMessage() : null, "source_pause_message",
				source ? first.pauseMessage() : null, "source_pause_message_share", null, "destination_pause_message",
				(first != null && !source) ? first.pauseMessage() : null, "destination_pause_message_share", null,
				"pause_rules", rules);
	}

	private static String pauseRuleId(SimCollection collection) {
		return java.util.UUID.nameUUIDFromBytes(("pause-" + collection.id()).getBytes()).toString();
	}

	/** One skipped error, in the shape of Transfer's {@code skipped_errors} list. */
	static Map<String, Object> skippedError(SimTask.SkippedError skipped) {
		SimTask.Step step = skipped.step();
		return SimJson.object("DATA_TYPE", "skipped_error", "source_path", step.sourcePath(), "destination_path",
				step.destinationPath(), "error_code", step.fault(), "error_time", Times.task(skipped.time()),
				"error_details", skipped.details(), "is_directory", step.dir(), "is_symlink", false,
				"is_delete_destination_extra", false, "external_checksum", null, "checksum_algorithm", null);
	}

	static Map<String, Object> event(SimTask.Event event) {
		return SimJson.object("DATA_TYPE", "event", "code", event.code(), "description", event.description(), "details",
				event.details(), "is_error", event.error(), "time", Times.task(event.time()));
	}

	private String displayName(String collectionId) {
		return (collectionId != null) ? this.catalog.find(collectionId).map(SimCollection::displayName).orElse(null)
				: null;
	}

	ResponseEntity<String> result(String dataType, String code, int status, SimTask task, HttpServletRequest request) {
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

	/**
	 * The status words of a live task.
	 *
	 * @param word {@code nice_status}
	 * @param description {@code nice_status_short_description}
	 * @param details {@code nice_status_details}
	 * @param ok {@code is_ok}
	 */
	private record NiceStatus(String word, String description, String details, Boolean ok) {
	}

}
