package org.transferportal.schedules;

import java.time.Instant;

/**
 * Published (as an application event) when the portal sees that Globus Timers stopped one
 * of its schedules for a reason other than its owner's pause — a consent or login Globus
 * Auth requires — once per time it stops, whichever instance sees it first. For features
 * that tell people (e-mail, the lab webhook's {@code schedule.inactive}).
 *
 * @param scheduleId the timer's id at Globus Timers
 * @param subject the owner's Globus identity id
 * @param username the owner's Globus username
 * @param name the schedule's name
 * @param cause Timers' {@code inactive_reason.cause}, e.g.
 * {@code globus_auth_requirements}
 * @param reason what it lacks, in plain words
 * @param seenAt when the portal saw it
 */
public record ScheduleInactive(String scheduleId, String subject, String username, String name, String cause,
		String reason, Instant seenAt) {
}
