package org.transferportal.web;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this portal presents itself.
 *
 * @param demo whether it runs the demo on the embedded simulator ({@code PORTAL_DEMO};
 * decided by {@link DemoModeEnvironmentPostProcessor}, which also sets it)
 * @param timeZone the time zone pages show times in (the lab's own, e.g.
 * {@code America/Chicago}); exports and {@code <time datetime>} stay in UTC
 */
@ConfigurationProperties("portal")
public record PortalProperties(boolean demo, @DefaultValue("UTC") ZoneId timeZone) {
}
