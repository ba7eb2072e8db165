package org.transferportal.globus;

import java.time.Instant;
import java.util.List;

/**
 * A timer as Globus Timers' jobs API describes it ({@code GET /jobs/}, {@code GET
 * /jobs/{id}}): the v1 job document, whichever way the timer was created.
 *
 * @param id the timer's id
 * @param name its name
 * @param status {@code new}, {@code loaded}, {@code active}, {@code inactive},
 * {@code ended}, {@code delete_in_progress} or {@code deleted}
 * @param submittedAt when it was created
 * @param lastRanAt when it last ran, or {@code null}
 * @param nextRun when it runs next, or {@code null}
 * @param runCount how many times it has run ({@code n_runs})
 * @param errorCount how many of those runs failed ({@code n_errors})
 * @param schedule its schedule (read from {@code schedule}, or from the older
 * {@code start}, {@code interval} and {@code stop_after})
 * @param inactiveReason why it is inactive, or {@code null}
 * @param activity what it is doing now, or {@code null} when Timers did not say
 * @param sourceCollection the source collection of its transfer, if known
 * @param destinationCollection the destination collection of its transfer, if known
 * @param runs its most recent runs, newest first (a page of them)
 * @param morePages whether older runs are on further pages
 */
public record TimerJob(String id, String name, String status, Instant submittedAt, Instant lastRanAt, Instant nextRun,
		int runCount, int errorCount, TimerSchedule schedule, InactiveReason inactiveReason, Activity activity,
		String sourceCollection, String destinationCollection, List<TimerRun> runs, boolean morePages) {

	public TimerJob {
		runs = (runs != null) ? List.copyOf(runs) : List.of();
	}

	/** Whether the timer is inactive (paused by the user, or by Globus for consent). */
	public boolean inactive() {
		return "inactive".equals(this.status);
	}

	/** Whether it will never run again. */
	public boolean ended() {
		return "ended".equals(this.status) || "deleted".equals(this.status) || "delete_in_progress".equals(this.status);
	}

	/**
	 * Whether Globus made it inactive because a run lacked consent or a login
	 * ({@code inactive_reason.cause == "globus_auth_requirements"}).
	 */
	public boolean needsAuthorization() {
		return inactive() && this.inactiveReason != null && this.inactiveReason.authRequirements();
	}

	/**
	 * Why a timer is inactive.
	 *
	 * @param cause {@code user} (paused) or {@code globus_auth_requirements}
	 * @param code the requirement error's code, e.g. {@code ConsentRequired}, if any
	 * @param parameters what Globus Auth must be asked for, for an auth requirement
	 */
	public record InactiveReason(String cause, String code, AuthorizationParameters parameters) {

		/** The cause Timers gives when a run met a Globus Auth requirement. */
		public static final String AUTH_REQUIREMENTS = "globus_auth_requirements";

		public boolean authRequirements() {
			return AUTH_REQUIREMENTS.equals(this.cause);
		}

	}

	/**
	 * What the timer is doing: {@code awaiting_next_run}, {@code run_in_progress},
	 * {@code retrying} or {@code paused} (with a reason).
	 *
	 * @param code the activity
	 * @param reason why it is paused: {@code user}, {@code globus_auth_requirements} or
	 * {@code other}
	 * @param nextRun when the next run is due, while awaiting it
	 * @param startedAt when the run in progress or being retried started
	 */
	public record Activity(String code, String reason, Instant nextRun, Instant startedAt) {
	}

}
