package org.transferportal.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this portal presents itself.
 *
 * @param demo whether it runs the demo on the embedded simulator ({@code PORTAL_DEMO};
 * decided by {@link DemoModeEnvironmentPostProcessor}, which also sets it)
 */
@ConfigurationProperties("portal")
public record PortalProperties(boolean demo) {
}
