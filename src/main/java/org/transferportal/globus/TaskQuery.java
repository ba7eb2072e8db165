package org.transferportal.globus;

import java.util.List;

/**
 * Which of the user's tasks to list.
 *
 * @param statuses statuses to keep ({@code ACTIVE}, {@code INACTIVE}, {@code SUCCEEDED},
 * {@code FAILED}); empty for all
 * @param taskIds task ids to keep; empty for all
 * @param type {@code TRANSFER} or {@code DELETE}, or {@code null}
 * @param requestedAfter lower bound of the request time (UTC, e.g.
 * {@code 2024-01-31 18:00:00} as the Globus CLI sends it), or {@code null}
 * @param requestedBefore upper bound of the request time, or {@code null}
 * @param limit page size, shrunk so that the page ends within the first
 * {@value #MAX_RESULTS} tasks
 * @param offset first task, below {@value #MAX_RESULTS}
 */
public record TaskQuery(List<String> statuses, List<String> taskIds, String type, String requestedAfter,
		String requestedBefore, int limit, int offset) {

	/**
	 * How far Transfer pages one task list: it refuses {@code offset + limit} beyond this
	 * (Globus's SDK stops its paginator there too). Older tasks are reached by narrowing
	 * the query, e.g. with {@code requestedBefore}.
	 */
	public static final int MAX_RESULTS = 1000;

	public TaskQuery {
		statuses = (statuses != null) ? List.copyOf(statuses) : List.of();
		taskIds = (taskIds != null) ? List.copyOf(taskIds) : List.of();
		offset = Math.max(0, offset);
		if (offset >= MAX_RESULTS) {
			throw new IllegalArgumentException(
					"Transfer lists only the first " + MAX_RESULTS + " tasks of a query; narrow it instead");
		}
		limit = Math.min((limit <= 0) ? 25 : limit, MAX_RESULTS - offset);
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
