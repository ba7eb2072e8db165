package org.transferportal.schedules;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.transferportal.auth.OfflineTimers;
import org.transferportal.globus.GlobusException;
import org.transferportal.globus.TimerJob;
import org.transferportal.lab.LabProperties;

/**
 * The schedules' background watcher: every so often, asks Globus Timers — with each
 * owner's own tokens, as the audit's watcher asks Transfer — about the portal's schedules
 * that may still run, so that each run's task reaches the lab's records (and from there
 * the audit's watcher follows it to its end) and a schedule Globus stopped is announced,
 * whether or not its owner opens its page.
 */
@Component
class ScheduleWatcher {

	private static final Log logger = LogFactory.getLog(ScheduleWatcher.class);

	/** Checks per round, so that one round stays short. */
	private static final int BATCH = 50;

	private final ScheduleStore store;

	private final ScheduleTracker tracker;

	private final OfflineTimers owners;

	private final Clock clock;

	private final Duration every;

	private final LabProperties lab;

	ScheduleWatcher(ScheduleStore store, ScheduleTracker tracker, OfflineTimers owners, Clock clock,
			SchedulesProperties properties, LabProperties lab) {
		this.lab = lab;
		this.store = store;
		this.tracker = tracker;
		this.owners = owners;
		this.clock = clock;
		this.every = properties.refresh();
	}

	/**
	 * Looks for due checks every half minute; {@code portal.schedules.refresh} says how
	 * old what the portal knows may get (0 turns the watcher off).
	 */
	@Scheduled(initialDelay = 30_000, fixedDelay = 30_000)
	void scheduled() {
		if (!this.every.isZero() && !this.every.isNegative()) {
			refreshDue();
		}
	}

	/** One round: how many schedules were brought up to date. */
	int refreshDue() {
		int refreshed = 0;
		List<ScheduleStore.Row> due = this.store.due(this.clock.instant().minus(this.every), BATCH);
		for (ScheduleStore.Row row : due) {
			if (!this.store.claimCheck(row)) {
				continue;
			}
			try {
				TimerJob job = this.owners.forSubject(row.subject()).job(row.timerId(), ScheduleService.RUNS_SHOWN);
				this.tracker.seen(row, job, this.lab.collectionNames());
				refreshed++;
			}
			catch (GlobusException | IllegalStateException ex) {
				if (ex instanceof GlobusException globus && globus.status() == 404) {
					// Deleted elsewhere (the Globus web app): nothing more to watch.
					this.store.seen(row.timerId(), "deleted", null);
				}
				// Otherwise the owner's tokens are gone or Globus is unwell: the claim
				// moved the check time, so the schedule waits a round.
				logger.debug("Could not refresh schedule " + row.timerId() + ": " + ex.getMessage());
			}
		}
		return refreshed;
	}

}
