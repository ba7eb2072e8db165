package org.transferportal.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the audit keeps its record of tasks current.
 *
 * @param statusRefresh how old the current status of an unfinished task may get before
 * the background refresh asks Globus again; zero turns the refresh off
 */
@ConfigurationProperties("portal.audit")
record AuditProperties(@DefaultValue("60s") Duration statusRefresh) {
}
