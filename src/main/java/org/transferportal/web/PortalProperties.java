package org.transferportal.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this portal presents itself.
 *
 * @param demo whether it runs on the embedded simulator (set by demo mode, not by hand)
 */
@ConfigurationProperties("portal")
public record PortalProperties(boolean demo) {
}
