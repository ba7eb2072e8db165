package org.transferportal.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.transferportal.globus.Task;

/**
 * Test support: task documents read from the canned Globus bodies
 * ({@code src/test/resources/globus/transfer/task_*.json}), as the Transfer client reads
 * them, with the id and status a test needs.
 */
final class TaskDocuments {

	private static final JsonMapper GLOBUS_JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private TaskDocuments() {
	}

	/** The canned active task with this id and status (figures all zero). */
	static Task active(String taskId, String status) {
		return GLOBUS_JSON.readValue(
				body("task_active.json", taskId).replace("\"status\":\"ACTIVE\"", "\"status\":\"" + status + "\""),
				Task.class);
	}

	/**
	 * The canned failed task (1,048,576 bytes, 1 file, 2 failed subtasks, 7 faults,
	 * FILE_NOT_FOUND, 169 s) with this id.
	 */
	static Task failed(String taskId) {
		return GLOBUS_JSON.readValue(body("task_failed.json", taskId), Task.class);
	}

	/** The canned failed task turned into a success: the same figures, no fatal error. */
	static Task succeeded(String taskId) {
		return GLOBUS_JSON.readValue(succeededBody(taskId), Task.class);
	}

	/** The body of {@link #succeeded(String)}, for WireMock. */
	static String succeededBody(String taskId) {
		return body("task_failed.json", taskId).replace("\"status\":\"FAILED\"", "\"status\":\"SUCCEEDED\"")
			.replace("\"fatal_error\":{\"code\":\"FILE_NOT_FOUND\",\"description\":\"file not found\"}",
					"\"fatal_error\":null")
			.replace("\"subtasks_failed\":2", "\"subtasks_failed\":0");
	}

	/**
	 * The canned failed task with these figures: finished at {@code completion} (ISO-8601
	 * with offset), failed with {@code kind} or succeeded (without one).
	 */
	static Task document(String taskId, String status, String kind, long bytes, long files, String completion) {
		String body = body("task_failed.json", taskId).replace("\"status\":\"FAILED\"", "\"status\":\"" + status + "\"")
			.replace("\"bytes_transferred\":1048576", "\"bytes_transferred\":" + bytes)
			.replace("\"files_transferred\":1", "\"files_transferred\":" + files)
			.replace("\"completion_time\":\"2023-12-18T16:52:50+00:00\"", "\"completion_time\":\"" + completion + "\"")
			.replace("\"code\":\"FILE_NOT_FOUND\"", "\"code\":\"" + kind + "\"");
		if (kind == null) {
			body = body.replace("\"fatal_error\":{\"code\":\"null\",\"description\":\"file not found\"}",
					"\"fatal_error\":null");
		}
		return GLOBUS_JSON.readValue(body, Task.class);
	}

	/** A canned body with the task id replaced. */
	static String body(String name, String taskId) {
		try (InputStream in = TaskDocuments.class.getResourceAsStream("/globus/transfer/" + name)) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return text.replace("b8872740-7edc-11ec-9f33-ed182a728dff", taskId)
				.replace("0c5e4d7a-9a2b-11ee-8c90-0242ac120002", taskId);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
