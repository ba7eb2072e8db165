package org.transferportal.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.transferportal.auth.OfflineTransfer;
import org.transferportal.globus.GlobusException;

/**
 * The background watcher: every so often, asks Globus — with each owner's own tokens —
 * about submitted tasks whose end has not been recorded yet, and hands what it learns to
 * {@link TaskStatuses}. A lab admin cannot see other people's tasks at Globus, so this is
 * how the audit, the history and the usage figures learn them.
 */
@Component
class TaskStatusRefresher {

	private static final Log logger = LogFactory.getLog(TaskStatusRefresher.class);

	/** Checks per round, so that one round stays short. */
	private static final int BATCH = 50;

	/**
	 * Tasks submitted longer ago than this are left as last seen (Globus ends tasks by
	 * their deadline).
	 */
	private static final Duration HORIZON = Duration.ofDays(30);

	private final TaskStatuses statuses;

	private final OfflineTransfer owners;

	private final Clock clock;

	private final Duration every;

	TaskStatusRefresher(TaskStatuses statuses, OfflineTransfer owners, Clock clock, AuditProperties properties) {
		this.statuses = statuses;
		this.owners = owners;
		this.clock = clock;
		this.every = properties.statusRefresh();
	}

	/**
	 * Looks for due checks once a minute; {@code portal.audit.status-refresh} says how
	 * old a status may get (0 turns the refresh off).
	 */
	@Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
	void scheduled() {
		if (!this.every.isZero() && !this.every.isNegative()) {
			refreshDue();
		}
	}

	/** One round: how many tasks were brought up to date. */
	int refreshDue() {
		Instant now = this.clock.instant();
		int refreshed = 0;
		for (TaskStatuses.Due due : this.statuses.due(now.minus(this.every), now.minus(HORIZON), BATCH)) {
			if (!this.statuses.claim(due)) {
				continue;
			}
			try {
				this.statuses.learned(due.subject(), this.owners.forSubject(due.subject()).task(due.taskId()));
				refreshed++;
			}
			catch (GlobusException | IllegalStateException ex) {
				// The owner's tokens are gone, or Globus is unwell: the claim moved the
				// check time, so this task waits a round before it is tried again.
				logger.debug("Could not refresh task " + due.taskId() + ": " + ex.getMessage());
			}
		}
		return refreshed;
	}

}
