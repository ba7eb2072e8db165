package org.transferportal.tasks;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/**
 * The local address of a task's page.
 */
final class TaskPaths {

	private TaskPaths() {
	}

	static String task(String taskId) {
		return "/tasks/" + UriUtils.encodePathSegment(taskId, StandardCharsets.UTF_8);
	}

}
