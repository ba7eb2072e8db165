package org.transferportal.schedules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import org.transferportal.auth.ConsentRoundTrip;
import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.AuthorizationParameters;
import org.transferportal.globus.CanonicalUuid;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusScopes;
import org.transferportal.globus.GlobusUnauthorizedException;
import org.transferportal.globus.Scope;
import org.transferportal.globus.TimerJob;
import org.transferportal.globus.TimerRun;
import org.transferportal.globus.TimersClient;
import org.transferportal.support.Text;
import org.transferportal.transfer.PreparedTransfers;
import org.transferportal.transfer.ScheduleRuns;

/**
 * The user's schedules at Globus Timers, always asked with the user's own Timers token
 * (so another user's schedule id reaches nothing): the list, a schedule's page with its
 * runs, pause, resume, rename, delete, and "Fix and resume" for a schedule Globus
 * stopped.
 */
@Service
class ScheduleService {

	/** Pending-action kind of a schedule waiting for its repair's consent. */
	static final String FIX_KIND = "schedule-fix";

	/** Runs shown on a schedule's page (Timers pages them). */
	static final int RUNS_SHOWN = 25;

	/** The interval "Schedule this" suggests: nightly. */
	static final int SUGGESTED_INTERVAL_HOURS = 24;

	private final CurrentUser user;

	private final ConsentRoundTrip consent;

	private final ScheduleStore store;

	private final ScheduleTracker tracker;

	private final ScheduleCollectionNames names;

	private final ScheduleRuns runs;

	private final PreparedTransfers prepared;

	ScheduleService(CurrentUser user, ConsentRoundTrip consent, ScheduleStore store, ScheduleTracker tracker,
			ScheduleCollectionNames names, ScheduleRuns runs, PreparedTransfers prepared) {
		this.user = user;
		this.consent = consent;
		this.store = store;
		this.tracker = tracker;
		this.names = names;
		this.runs = runs;
		this.prepared = prepared;
	}

	/** The user's schedules, newest first. */
	ScheduleViews.Listing list() {
		List<TimerJob> jobs = withTimers((timers) -> timers.jobs(null, List.of()));
		List<String> collections = new ArrayList<>();
		jobs.forEach((job) -> {
			collections.add(job.sourceCollection());
			collections.add(job.destinationCollection());
		});
		Map<String, String> collectionNames = this.names.of(collections);
		Map<String, String> lastRuns = this.runs.lastStatuses(jobs.stream().map(TimerJob::id).toList());
		List<ScheduleViews.Summary> summaries = new ArrayList<>();
		for (TimerJob job : jobs) {
			if ("deleted".equals(job.status())) {
				continue;
			}
			String last = lastRuns.getOrDefault(job.id(), (job.lastRanAt() != null) ? "ran" : "not run yet");
			summaries.add(new ScheduleViews.Summary(job.id(), ScheduleNames.shown(job.name()),
					route(job, collectionNames), ScheduleWords.schedule(job.schedule()), job.nextRun(), last,
					ScheduleWords.status(job), job.needsAuthorization()));
		}
		Collections.reverse(summaries);
		return new ScheduleViews.Listing(summaries);
	}

	/** A schedule's page; its runs' tasks are recorded for the lab as they are seen. */
	ScheduleViews.Detail detail(String id) {
		TimerJob job = job(id, RUNS_SHOWN);
		Map<String, String> collectionNames = this.names
			.of(List.of(String.valueOf(job.sourceCollection()), String.valueOf(job.destinationCollection())));
		this.store.findByTimer(job.id(), this.user.subject())
			.ifPresent((row) -> this.tracker.seen(row, job, collectionNames));
		List<ScheduleViews.Run> shown = new ArrayList<>();
		for (TimerRun run : job.runs()) {
			String outcome = (run.taskId() != null) ? String.valueOf(run.taskStatus())
					: (run.error() != null) ? run.error() : String.valueOf(run.runStatus());
			shown.add(new ScheduleViews.Run(run.ranAt(), run.taskId(), outcome, run.taskId() == null));
		}
		boolean paused = job.inactive() && !job.needsAuthorization();
		String stopped = job.needsAuthorization()
				? ScheduleWords.stopped(job.inactiveReason().parameters(), collectionNames) : null;
		return new ScheduleViews.Detail(job.id(), ScheduleNames.shown(job.name()), route(job, collectionNames),
				ScheduleWords.schedule(job.schedule()), ScheduleWords.status(job), !job.inactive() && !job.ended(),
				paused, job.needsAuthorization(), job.ended(), stopped, job.nextRun(), job.lastRanAt(), job.runCount(),
				job.errorCount(), shown, job.morePages());
	}

	/** The schedule's name as people see it, for the rename form. */
	String name(String id) {
		return ScheduleNames.shown(job(id, 0).name());
	}

	void pause(String id) {
		withTimers((timers) -> timers.pause(checked(id)));
	}

	/** Resumes a schedule its owner paused. */
	void resume(String id) {
		withTimers((timers) -> timers.resume(checked(id), false));
	}

	/**
	 * Renames a schedule.
	 * @return what is wrong with the name, or {@code null} once renamed
	 */
	String rename(String id, String name) {
		String clean = (name != null) ? name.strip() : "";
		if (clean.isEmpty()) {
			return "Give the schedule a name";
		}
		if (clean.length() > ScheduleNames.MAX_LENGTH) {
			return "A name can have at most " + ScheduleNames.MAX_LENGTH + " characters";
		}
		if (Text.hasControlCharacter(clean)) {
			return "A name cannot contain line breaks or control characters";
		}
		withTimers((timers) -> timers.rename(checked(id), clean));
		return null;
	}

	void delete(String id) {
		withTimers((timers) -> timers.delete(checked(id)));
	}

	/**
	 * "Fix and resume": the trip to Globus Auth for what Timers asked (both its current
	 * and older timers' scope chains are passed on as they are), then a resume with new
	 * credentials. When the user's consents at Globus Auth already meet what is asked,
	 * and no login is asked for, it resumes at once.
	 * @return the local path to send the browser to
	 */
	String fix(String id) {
		TimerJob job = job(id, 0);
		if (!job.needsAuthorization()) {
			return path(id);
		}
		AuthorizationParameters wanted = job.inactiveReason().parameters();
		for (String scope : wanted.requiredScopes()) {
			try {
				Scope.parse(scope);
			}
			catch (IllegalArgumentException ex) {
				throw new ResponseStatusException(HttpStatus.BAD_GATEWAY,
						"Globus asked for a consent the portal cannot read (" + scope + "); fix it at app.globus.org");
			}
		}
		if (!wanted.requiresSession() && !wanted.requiredScopes().isEmpty() && allGranted(wanted.requiredScopes())) {
			return resumeFixed(id);
		}
		AuthorizationParameters ask = wanted.requiredScopes().isEmpty() ? new AuthorizationParameters(
				List.of(GlobusScopes.timerWithDataAccess(List.of()).toString()), wanted.sessionMessage(),
				wanted.sessionRequiredIdentities(), wanted.sessionRequiredSingleDomain(),
				wanted.sessionRequiredPolicies(), wanted.sessionRequiredMfa(), wanted.prompt()) : wanted;
		return this.consent.start(FIX_KIND, job.id(), ask);
	}

	/** Resumes a repaired schedule with the user's fresh consent; where to go next. */
	String resumeFixed(String id) {
		try {
			withTimers((timers) -> timers.resume(checked(id), true));
			return path(id) + "?notice=fixed";
		}
		catch (GlobusApiException ex) {
			return path(id) + "?notice=resume-failed";
		}
	}

	/**
	 * The trip to Globus Auth that gets the portal a Timers token (Globus approves it
	 * without a page when the user consented before).
	 */
	String connect() {
		Scope timers = GlobusScopes.timerWithDataAccess(List.of());
		return this.consent.start(ConsentRoundTrip.RETURN_KIND, "/schedules", AuthorizationParameters
			.scopes(List.of(timers.toString()), "The portal needs your consent to manage your Globus Timers"));
	}

	/**
	 * "Schedule this" for one of the user's finished tasks: its recorded request opened
	 * in the form with a nightly schedule proposed, or empty when the portal did not
	 * submit that task for the user.
	 */
	Optional<String> fromTask(String taskId) {
		if (CanonicalUuid.parse(taskId) == null) {
			return Optional.empty();
		}
		return this.prepared.againForTask(taskId)
			.map((draft) -> draft + "?schedule_type=recurring&schedule_interval_hours=" + SUGGESTED_INTERVAL_HOURS);
	}

	private boolean allGranted(List<String> requiredScopes) {
		if (!this.user.holdsTimersToken()) {
			return false;
		}
		for (String required : requiredScopes) {
			for (Scope scope : Scope.parse(required)) {
				if (!this.consent.consented(scope).orElse(false)) {
					return false;
				}
			}
		}
		return true;
	}

	private TimerJob job(String id, int runs) {
		return withTimers((timers) -> timers.job(checked(id), runs));
	}

	/**
	 * Calls Timers as the user: a schedule Timers does not know (or that is another
	 * user's) is a 404 page, and the lack of a Timers token the page that offers one.
	 */
	private <T> T withTimers(Function<TimersClient, T> call) {
		if (!this.user.holdsTimersToken()) {
			throw new TimersNotConnectedException(false);
		}
		try {
			return call.apply(this.user.timers());
		}
		catch (GlobusUnauthorizedException ex) {
			throw new TimersNotConnectedException(true);
		}
		catch (GlobusApiException ex) {
			if (ex.status() == 404) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such schedule");
			}
			throw ex;
		}
	}

	/** Schedule ids are UUIDs; anything else is a 404 page before any call to Globus. */
	private static String checked(String id) {
		if (CanonicalUuid.parse(id) == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such schedule");
		}
		return id;
	}

	static String path(String id) {
		return "/schedules/" + id;
	}

	private static String route(TimerJob job, Map<String, String> collectionNames) {
		String source = collectionNames.getOrDefault(job.sourceCollection(), String.valueOf(job.sourceCollection()));
		String destination = collectionNames.getOrDefault(job.destinationCollection(),
				String.valueOf(job.destinationCollection()));
		return source + " → " + destination;
	}

}
