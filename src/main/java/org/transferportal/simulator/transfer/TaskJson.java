package org.transferportal.simulator.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.transferportal.simulator.SimJson;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Renders simulated tasks and submission results as Transfer's JSON (reference §6.3,
 * §6.5).
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class TaskJson {

	private final TransferAccess access;

	private final TaskEngine engine;

	TaskJson(TransferAccess access, TaskEngine engine) {
		this.access = access;
		this.engine = engine;
	}

	Map<String, Object> task(SimTask task) {
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

}
