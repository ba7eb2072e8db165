package org.transferportal.globus;

import java.time.Instant;

/**
 * Timers' answer to a new timer (the v2 document of {@code POST /v2/timer}).
 *
 * @param id the timer's id ({@code job_id}), by which the jobs API knows it
 * @param name its name
 * @param status {@code new} at first
 * @param nextRun when it runs first, if Timers said
 */
public record CreatedTimer(String id, String name, String status, Instant nextRun) {
}
