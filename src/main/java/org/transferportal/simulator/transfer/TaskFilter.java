package org.transferportal.simulator.transfer;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code filter} and {@code orderby} of {@code GET /task_list}.
 */
final class TaskFilter {

	private final Map<String, List<String>> clauses;

	private TaskFilter(Map<String, List<String>> clauses) {
		this.clauses = clauses;
	}

	static TaskFilter parse(List<String> filters) {
		Map<String, List<String>> clauses = new LinkedHashMap<>();
		if (filters != null) {
			for (String filter : filters) {
				for (String clause : filter.split("/")) {
					if (clause.isBlank()) {
						continue;
					}
					int colon = clause.indexOf(':');
					if (colon < 0) {
						throw TransferError.badRequest("Invalid filter clause '" + clause + "'");
					}
					String key = clause.substring(0, colon).trim();
					if (!List.of("status", "task_id", "type", "request_time", "completion_time", "label")
						.contains(key)) {
						throw TransferError.badRequest("Unsupported task_list filter field '" + key + "'");
					}
					clauses.put(key, Arrays.asList(clause.substring(colon + 1).split(",", -1)));
				}
			}
		}
		return new TaskFilter(clauses);
	}

	boolean matches(SimTask task) {
		for (Map.Entry<String, List<String>> clause : this.clauses.entrySet()) {
			List<String> values = clause.getValue();
			boolean ok = switch (clause.getKey()) {
				case "status" -> values.contains(task.status);
				case "task_id" -> values.contains(task.id);
				case "type" -> values.contains(task.type);
				case "label" -> task.label != null && values.stream()
					.anyMatch((v) -> v.startsWith("~") ? task.label.contains(v.substring(1)) : task.label.equals(v));
				case "request_time" -> inRange(task.requestTime, values);
				case "completion_time" -> task.completionTime != null && inRange(task.completionTime, values);
				default -> true;
			};
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	private static boolean inRange(Instant time, List<String> range) {
		String start = range.get(0).trim();
		String end = (range.size() > 1) ? range.get(1).trim() : "";
		return (start.isEmpty() || !time.isBefore(Times.parse(start)))
				&& (end.isEmpty() || !time.isAfter(Times.parse(end)));
	}

	static Comparator<SimTask> order(String orderby) {
		Comparator<SimTask> result = null;
		for (String part : orderby.split(",")) {
			String[] words = part.trim().split("\\s+");
			Comparator<SimTask> comparator = switch (words[0]) {
				case "request_time" -> Comparator.comparing((SimTask t) -> t.requestTime);
				case "completion_time" -> Comparator.comparing((SimTask t) -> t.completionTime,
						Comparator.nullsLast(Comparator.naturalOrder()));
				case "label" ->
					Comparator.comparing((SimTask t) -> t.label, Comparator.nullsLast(Comparator.naturalOrder()));
				case "status" -> Comparator.comparing((SimTask t) -> t.status);
				default -> throw TransferError.badRequest("Unsupported orderby field '" + words[0] + "'");
			};
			if (words.length > 1 && "DESC".equalsIgnoreCase(words[1])) {
				comparator = comparator.reversed();
			}
			result = (result == null) ? comparator : result.thenComparing(comparator);
		}
		return result;
	}

}
