package org.transferportal.globus;

/**
 * A transfer timer to create ({@code POST /v2/timer}): its name, its schedule and the
 * transfer each run submits. The transfer carries no submission id: Timers makes one for
 * each run.
 *
 * @param name the timer's name, as the user sees it at Globus
 * @param schedule when it runs
 * @param body the transfer each run submits
 */
public record TransferTimer(String name, TimerSchedule schedule, TransferDocument body) {
}
