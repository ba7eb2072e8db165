package org.transferportal.globus;

import java.util.List;

/**
 * Which of the user's tasks to list.
 *
 * @param statuses statuses to keep ({@code ACTIVE}, {@code INACTIVE}, {@code SUCCEEDED},
 * {@code FAILED}); empty for all
 * @param taskIds task ids to keep; empty for all
 * @param type {@code TRANSFER} or {@code DELETE}, or {@code null}
 * @param requestedAfter ISO-8601 lower bound of the request time, or {@code null}
 * @param requestedBefore ISO-8601 upper bound of the request time, or {@code null}
 * @param limit page size (Globus allows up to 1000)
 * @param offset first task
 */
public record TaskQuery(List<String> statuses, List<String> taskIds, String type, String requestedAfter,
		String requestedBefore, int limit, int offset) {

	public TaskQuery {
		statuses = (statuses != null) ? List.copyOf(statuses) : List.of();
		taskIds = (taskIds != null) ? List.copyOf(taskIds) : List.of();
		limit = (limit <= 0) ? 25 : Math.min(limit, 1000);
		offset = Math.max(0, offset);
	}

	/** The {@code filter} parameter of Transfer's task list. */
	public String filter() {
		StringBuilder filter = new StringBuilder();
		append(filter, "status", String.join(",", this.statuses), !this.statuses.isEmpty());
		append(filter, "task_id", String.join(",", this.taskIds), !this.taskIds.isEmpty());
		append(filter, "type", this.type, this.type != null);
		boolean hasTime = this.requestedAfter != null || this.requestedBefore != null;
		append(filter, "request_time", nullToEmpty(this.requestedAfter) + "," + nullToEmpty(this.requestedBefore),
				hasTime);
		return filter.toString();
	}

	private static void append(StringBuilder filter, String field, String value, boolean present) {
		if (present) {
			filter.append(filter.isEmpty() ? "" : "/").append(field).append(':').append(value);
		}
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
