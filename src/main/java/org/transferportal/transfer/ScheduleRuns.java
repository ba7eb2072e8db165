package org.transferportal.transfer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.transferportal.globus.TransferDocument;

/**
 * The runs of schedules as the lab's records know them: each run's task becomes a
 * submitted request of the schedule's owner, with the schedule's form and items and its
 * {@code schedule_id}, so that the audit, the history and the usage figures count it like
 * any transfer (and the audit's watcher follows its task to its end).
 */
@Component
public class ScheduleRuns {

	private final TransferDrafts drafts;

	private final FormTranslator translator;

	private final Clock clock;

	private final JdbcClient jdbc;

	ScheduleRuns(TransferDrafts drafts, FormTranslator translator, Clock clock, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.drafts = drafts;
		this.translator = translator;
		this.clock = clock;
	}

	/**
	 * Records a run's task once, however often it is seen (the owner's pages, the
	 * background watcher, several instances).
	 * @param draftId the draft the schedule was made from
	 * @param taskId the task the run submitted
	 * @param ranAt when the run happened; a time Globus gives in the future (the demo's
	 * accelerated timers) is recorded as now
	 * @param name the schedule's name, the label of its runs when its form gave none
	 * @return whether this call recorded it
	 */
	public boolean record(String draftId, String taskId, Instant ranAt, String name) {
		TransferDrafts.Draft schedule = this.drafts.findAny(draftId)
			.filter(TransferDrafts.Draft::scheduled)
			.orElse(null);
		if (schedule == null) {
			return false;
		}
		Instant now = this.clock.instant();
		Instant at = (ranAt == null || ranAt.isAfter(now)) ? now : ranAt;
		List<TransferDocument.Item> items = items(schedule.form());
		String id = UUID.nameUUIDFromBytes((schedule.scheduleId() + "|" + taskId).getBytes(StandardCharsets.UTF_8))
			.toString();
		String label = schedule.form().label().isBlank() ? name : schedule.form().label().strip();
		return this.drafts.recordRun(id, schedule, taskId, at, label, items);
	}

	/**
	 * The status of each schedule's latest recorded run's task, as the portal last saw it
	 * ({@code SUBMITTED} before the first look), by schedule id.
	 */
	public Map<String, String> lastStatuses(Collection<String> scheduleIds) {
		if (scheduleIds.isEmpty()) {
			return Map.of();
		}
		Map<String, String> latest = new HashMap<>();
		Map<String, Instant> at = new HashMap<>();
		this.jdbc.sql("""
				select schedule_id, task_status, submitted_at from transfer_request
				  where schedule_id in (:ids) and status = :submitted""")
			.param("ids", scheduleIds)
			.param("submitted", RequestStatus.SUBMITTED)
			.query((rs) -> {
				String id = rs.getString("schedule_id");
				Instant when = rs.getTimestamp("submitted_at").toInstant();
				if (!at.containsKey(id) || when.isAfter(at.get(id))) {
					at.put(id, when);
					String status = rs.getString("task_status");
					latest.put(id, (status != null) ? status : RequestStatus.SUBMITTED);
				}
			});
		return latest;
	}

	/**
	 * The items of the schedule's transfer (its form was checked when the schedule was
	 * made; a form no longer valid, e.g. a passed deadline, still has its paths).
	 */
	private List<TransferDocument.Item> items(TransferForm form) {
		FormTranslator.Result result = this.translator.translate(form.withoutDeadline());
		return (result.document() != null) ? result.document().data() : List.of();
	}

}
