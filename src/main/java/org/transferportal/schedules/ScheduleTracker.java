package org.transferportal.schedules;

import java.time.Clock;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import org.transferportal.globus.TimerJob;
import org.transferportal.globus.TimerRun;
import org.transferportal.tasks.ScheduleWentInactive;
import org.transferportal.transfer.ScheduleRuns;

/**
 * Records what Globus Timers said of one of the portal's schedules, whoever asked (the
 * owner's pages or the background watcher): each run's task into the lab's records, and
 * the schedule's status, announcing a schedule Globus stopped with
 * {@link ScheduleWentInactive}.
 */
@Component
class ScheduleTracker {

	private final ScheduleStore store;

	private final ScheduleRuns runs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ScheduleTracker(ScheduleStore store, ScheduleRuns runs, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.runs = runs;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a job document of the schedule.
	 * @param collectionNames names for the collections, for the words of an event
	 */
	void seen(ScheduleStore.Row row, TimerJob job, Map<String, String> collectionNames) {
		String name = (row.name() != null) ? row.name() : ScheduleNames.shown(job.name());
		for (TimerRun run : job.runs()) {
			if (run.taskId() != null) {
				this.runs.record(row.draftId(), run.taskId(), run.ranAt(), name);
			}
		}
		String cause = (job.inactive() && job.inactiveReason() != null) ? job.inactiveReason().cause() : null;
		boolean stopped = this.store.seen(job.id(), job.status(), cause);
		if (stopped && !"user".equals(cause)) {
			String reason = job.needsAuthorization()
					? ScheduleWords.stopped(job.inactiveReason().parameters(), collectionNames)
					: "Globus stopped this schedule (" + cause + ")";
			this.events.publishEvent(
					new ScheduleWentInactive(job.id(), row.subject(), row.username(), ScheduleNames.shown(job.name()),
							row.sourceCollection(), row.destinationCollection(), reason, this.clock.instant()));
		}
	}

}
