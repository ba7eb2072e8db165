package org.transferportal.tasks;

import java.time.Instant;

/**
 * Published once when a schedule (a Globus Timers timer) is seen to have stopped running
 * its transfers — Timers' {@code inactive} status, e.g. after its owner's consent lapsed
 * — so that the owner and the lab can be told. Whoever records the schedule's status
 * publishes it inside that transaction; listeners that write to the database take part in
 * it. A second publication with the same timer id and {@code since} is ignored.
 *
 * @param timerId the timer id
 * @param subject the owner's Globus identity id
 * @param username the owner's Globus username
 * @param name the schedule's name
 * @param sourceCollection the source collection id, or {@code null}
 * @param destinationCollection the destination collection id, or {@code null}
 * @param reason why Timers stopped it, in its words, or {@code null}
 * @param since when it was seen inactive (part of what makes one event)
 */
public record ScheduleWentInactive(String timerId, String subject, String username, String name,
		String sourceCollection, String destinationCollection, String reason, Instant since) {
}
