package org.transferportal.schedules;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the portal keeps its record of schedules current.
 *
 * @param refresh how old what the portal knows of a schedule may get before the
 * background watcher asks Globus Timers again (recording new runs' tasks, noticing a
 * schedule Globus stopped); zero turns the watcher off
 */
@ConfigurationProperties("portal.schedules")
record SchedulesProperties(@DefaultValue("60s") Duration refresh) {
}
