package org.transferportal.schedules;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.transferportal.globus.AuthorizationParameters;
import org.transferportal.globus.GlobusScopes;
import org.transferportal.globus.GlobusTimes;
import org.transferportal.globus.Scope;
import org.transferportal.globus.TimerJob;
import org.transferportal.globus.TimerSchedule;

/**
 * A schedule in plain words: when it runs, what state it is in, and why Globus stopped
 * it.
 */
final class ScheduleWords {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private ScheduleWords() {
	}

	/** An instant as the pages show it, e.g. {@code 3 Dec 2026, 02:00 UTC}. */
	static String when(Instant instant) {
		return (instant != null) ? WHEN.format(instant) : "";
	}

	/** E.g. "Every day from 3 Dec 2026, 02:00 UTC, 30 runs" or "Once, on …". */
	static String schedule(TimerSchedule schedule) {
		if (schedule == null) {
			return "";
		}
		if (!schedule.recurring()) {
			Instant at = instant(schedule.datetime());
			return (at != null) ? "Once, on " + when(at) : "Once, as soon as it was created";
		}
		StringBuilder words = new StringBuilder(every(schedule.intervalSeconds()));
		Instant start = instant(schedule.start());
		if (start != null) {
			words.append(" from ").append(when(start));
		}
		TimerSchedule.End end = schedule.end();
		if (end != null && end.count() != null) {
			words.append(", ").append(end.count()).append((end.count() == 1) ? " run" : " runs");
		}
		else if (end != null && end.datetime() != null) {
			words.append(", until ").append(when(instant(end.datetime())));
		}
		else {
			words.append(", until you stop it");
		}
		return words.toString();
	}

	/** E.g. "Every day", "Every 6 hours", "Every 2 weeks". */
	static String every(Long seconds) {
		if (seconds == null || seconds <= 0) {
			return "Repeatedly";
		}
		if (seconds % (7 * 86400) == 0) {
			long weeks = seconds / (7 * 86400);
			return (weeks == 1) ? "Every week" : "Every " + weeks + " weeks";
		}
		if (seconds % 86400 == 0) {
			long days = seconds / 86400;
			return (days == 1) ? "Every day" : "Every " + days + " days";
		}
		if (seconds % 3600 == 0) {
			long hours = seconds / 3600;
			return (hours == 1) ? "Every hour" : "Every " + hours + " hours";
		}
		long minutes = Math.max(1, seconds / 60);
		return (minutes == 1) ? "Every minute" : "Every " + minutes + " minutes";
	}

	/** The status as a word: Active, Paused, Stopped by Globus, Ended, Being deleted. */
	static String status(TimerJob job) {
		if (job.needsAuthorization()) {
			return "Stopped by Globus: needs you";
		}
		return switch (String.valueOf(job.status())) {
			case "inactive" -> "Paused";
			case "ended" -> "Ended";
			case "delete_in_progress", "deleted" -> "Being deleted";
			default -> "Active";
		};
	}

	/**
	 * Why Globus stopped a schedule, in plain words: the consents or the login its last
	 * run lacked, naming the collections.
	 */
	static String stopped(AuthorizationParameters parameters, Map<String, String> collectionNames) {
		List<String> needs = new ArrayList<>();
		List<String> collections = new ArrayList<>();
		boolean timersConsent = false;
		for (String required : parameters.requiredScopes()) {
			try {
				for (Scope scope : Scope.parse(required)) {
					for (String name : scope.names()) {
						UUID collection = GlobusScopes.dataAccessCollection(name);
						if (collection != null) {
							String shown = collectionNames.getOrDefault(collection.toString(), collection.toString());
							if (!collections.contains(shown)) {
								collections.add(shown);
							}
						}
					}
					timersConsent = timersConsent || GlobusScopes.TIMER.equals(scope.name());
				}
			}
			catch (IllegalArgumentException ex) {
				needs.add("a consent Globus names as " + required);
			}
		}
		if (!collections.isEmpty()) {
			needs.add("your consent for it to access " + String.join(" and ", collections));
		}
		else if (timersConsent) {
			needs.add("your consent for Globus Timers to run transfers for you (it was revoked or has lapsed)");
		}
		if (!parameters.sessionRequiredIdentities().isEmpty()) {
			needs.add("a login with " + String.join(" or ", parameters.sessionRequiredIdentities()));
		}
		if (!parameters.sessionRequiredSingleDomain().isEmpty()) {
			needs.add("a login with an identity from " + String.join(" or ", parameters.sessionRequiredSingleDomain()));
		}
		if (!parameters.sessionRequiredPolicies().isEmpty()) {
			needs.add("a login that meets a collection's access policy");
		}
		if (parameters.sessionRequiredMfa()) {
			needs.add("a login with multi-factor authentication");
		}
		if (needs.isEmpty()) {
			needs.add("you to log in to Globus again");
		}
		return "Globus stopped this schedule at its last run: it needs " + String.join(", and ", needs)
				+ ". Fix and resume takes you to Globus for that, then resumes the schedule; a run it missed "
				+ "runs at once.";
	}

	private static Instant instant(String text) {
		OffsetDateTime time = GlobusTimes.parse(text);
		return (time != null) ? time.toInstant() : null;
	}

}
