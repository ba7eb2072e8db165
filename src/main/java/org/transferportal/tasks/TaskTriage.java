package org.transferportal.tasks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.PauseInfo;
import org.transferportal.globus.Task;
import org.transferportal.globus.TaskEvent;
import org.transferportal.globus.TaskEventList;
import org.transferportal.globus.TransferClient;
import org.transferportal.globus.TransferredFiles;

/**
 * Reads what went wrong with a task from Globus — its error events ({@code event_list}
 * with {@code is_error:1}), the pause rules that hold it ({@code pause_info}) and the
 * paths it skipped ({@code skipped_errors}) — and puts it in plain words: only what the
 * task document says exists is asked for, so a task that goes well costs no extra call.
 */
@Component
class TaskTriage {

	/** The newest error events grouped on the page. */
	static final int EVENTS_READ = 200;

	/** Paths shown per kind of error; the rest are counted. */
	static final int PATHS_SHOWN = 20;

	/** What the page says of the task, and what Globus could not tell just now. */
	Triage of(TransferClient transfer, Task task, Long skippedMarker) {
		String id = task.taskId();
		List<String> problems = new ArrayList<>();
		List<Triage.ErrorGroup> groups = List.of();
		int total = 0;
		int read = 0;
		if (hasErrors(task)) {
			try {
				TaskEventList events = transfer.taskEvents(id, EVENTS_READ, 0, true);
				groups = groups(events.data());
				read = events.data().size();
				total = Math.max(read, (events.total() != null) ? events.total() : read);
			}
			catch (GlobusApiException ex) {
				problems.add("the errors it met");
			}
		}
		Triage.Hold hold = null;
		if (held(task)) {
			List<Triage.PauseRule> rules = List.of();
			try {
				rules = rules(transfer.pauseInfo(id), task);
			}
			catch (GlobusApiException ex) {
				problems.add("the pause rules that hold it");
			}
			hold = hold(task, rules);
		}
		Triage.SkippedPage skipped = null;
		if (count(task.subtasksSkippedErrors()) > 0) {
			try {
				skipped = skipped(transfer.skippedErrors(id, skippedMarker), count(task.subtasksSkippedErrors()),
						skippedMarker);
			}
			catch (GlobusApiException ex) {
				problems.add("the paths it skipped");
			}
		}
		String problem = problems.isEmpty() ? null
				: "Globus could not list " + String.join(", ", problems) + " just now; this page tries again.";
		return new Triage(Triage.key(task), headline(task, groups), groups, total, read, hold, skipped, problem);
	}

	/** Whether the task document says there are error events to read. */
	static boolean hasErrors(Task task) {
		return count(task.faults()) > 0 || count(task.subtasksFailed()) > 0 || Boolean.FALSE.equals(task.ok())
				|| "FAILED".equals(task.status());
	}

	private static boolean held(Task task) {
		return "INACTIVE".equals(task.status()) || (!task.finished() && Boolean.TRUE.equals(task.isPaused()));
	}

	private static String headline(Task task, List<Triage.ErrorGroup> groups) {
		String status = String.valueOf(task.status());
		int skipped = count(task.subtasksSkippedErrors());
		return switch (status) {
			case "ACTIVE" -> {
				if (Boolean.TRUE.equals(task.isPaused())) {
					yield "Paused: an administrator of one of its collections holds this task; it goes on when they "
							+ "lift the pause.";
				}
				if (Boolean.FALSE.equals(task.ok())) {
					yield "Still retrying: some paths keep failing, and Globus keeps trying them until they succeed, "
							+ "you cancel the task, or its deadline passes.";
				}
				yield null;
			}
			case "INACTIVE" ->
				"Stopped: Globus holds this task until something below is done; then it goes on " + "where it stopped.";
			case "FAILED" -> groups.isEmpty() ? null : "Ended with the errors below.";
			case "SUCCEEDED" ->
				(skipped > 0) ? "Finished, but " + skipped + ((skipped == 1) ? " path was" : " paths were")
						+ " skipped because of errors at the source (listed below)." : null;
			default -> null;
		};
	}

	/** The error events by kind, the kinds with the most events first. */
	static List<Triage.ErrorGroup> groups(List<TaskEvent> events) {
		Map<ErrorKind, Group> byKind = new EnumMap<>(ErrorKind.class);
		for (TaskEvent event : events) {
			if (!event.isError() || ErrorKind.isOutcome(event.code())) {
				continue;
			}
			Group group = byKind.computeIfAbsent(ErrorKind.of(event.code()), (kind) -> new Group());
			group.events++;
			if (event.code() != null) {
				group.codes.add(event.code().toUpperCase(Locale.ROOT));
			}
			group.paths.addAll(EventPaths.of(event.details()));
		}
		return byKind.entrySet()
			.stream()
			.sorted(Comparator.comparingInt((Map.Entry<ErrorKind, Group> e) -> e.getValue().events).reversed())
			.map((e) -> {
				List<String> paths = List.copyOf(e.getValue().paths);
				List<String> shown = paths.subList(0, Math.min(PATHS_SHOWN, paths.size()));
				return new Triage.ErrorGroup(e.getKey().title(), e.getKey().advice(), List.copyOf(e.getValue().codes),
						e.getValue().events, shown, paths.size() - shown.size());
			})
			.toList();
	}

	/**
	 * Why the task is held: a pause rule (wait for the administrator), a consent Globus
	 * misses (grant it again), or credentials or a session that lapsed (log in again).
	 */
	static Triage.Hold hold(Task task, List<Triage.PauseRule> rules) {
		String words = (String.valueOf(task.niceStatus()) + " " + String.valueOf(task.niceStatusDetails()))
			.toLowerCase(Locale.ROOT);
		Triage.Remedy remedy;
		if (!"INACTIVE".equals(task.status())) {
			remedy = Triage.Remedy.WAIT;
		}
		else if (words.contains("consent") || words.contains("data_access")) {
			remedy = Triage.Remedy.CONSENT;
		}
		else if (!rules.isEmpty() && words.contains("pause")) {
			remedy = Triage.Remedy.WAIT;
		}
		else {
			remedy = Triage.Remedy.LOGIN;
		}
		String details = task.niceStatusDetails();
		return new Triage.Hold(task.niceStatus(), (details != null && !details.isBlank()) ? details.strip() : null,
				remedy, rules);
	}

	private static List<Triage.PauseRule> rules(PauseInfo info, Task task) {
		List<Triage.PauseRule> rules = new ArrayList<>();
		for (PauseInfo.PauseRule rule : info.pauseRules()) {
			String collection = rule.endpointId();
			if (collection != null && collection.equals(task.sourceEndpointId())) {
				collection = name(task.sourceEndpointDisplayName(), collection);
			}
			else if (collection != null && collection.equals(task.destinationEndpointId())) {
				collection = name(task.destinationEndpointDisplayName(), collection);
			}
			else if (info.endpointDisplayName() != null) {
				collection = info.endpointDisplayName();
			}
			String message = (rule.message() != null && !rule.message().isBlank()) ? rule.message().strip()
					: info.message();
			rules.add(new Triage.PauseRule(collection, message));
		}
		if (rules.isEmpty() && info.message() != null && !info.message().isBlank()) {
			rules.add(new Triage.PauseRule(info.endpointDisplayName(), info.message().strip()));
		}
		return rules;
	}

	private static Triage.SkippedPage skipped(TransferredFiles page, int total, Long marker) {
		List<Triage.Skipped> entries = page.data()
			.stream()
			.map((entry) -> new Triage.Skipped(entry.sourcePath(), entry.destinationPath(),
					ErrorKind.of(entry.errorCode()).title(), entry.errorCode(), folder(entry)))
			.toList();
		return new Triage.SkippedPage(total, entries, marker, page.nextMarker());
	}

	static boolean folder(TransferredFiles.Entry entry) {
		return Boolean.TRUE.equals(entry.directory())
				|| (entry.sourcePath() != null && entry.sourcePath().endsWith("/"));
	}

	private static String name(String displayName, String id) {
		return (displayName != null && !displayName.isBlank()) ? displayName : id;
	}

	private static int count(Integer value) {
		return (value != null) ? value : 0;
	}

	/** One kind's events while they are counted. */
	private static final class Group {

		private int events;

		private final Set<String> codes = new TreeSet<>();

		private final Set<String> paths = new LinkedHashSet<>();

	}

}
