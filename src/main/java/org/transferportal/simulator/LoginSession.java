package org.transferportal.simulator;

import java.time.Instant;

/**
 * Facts of one login at the simulated Globus, carried by the tokens it produced.
 *
 * @param identityId the identity that logged in
 * @param domain that identity's domain (e.g. {@code uchicago.edu})
 * @param authenticatedAt when the login happened
 * @param mfa whether the login used multi-factor authentication
 */
public record LoginSession(String identityId, String domain, Instant authenticatedAt, boolean mfa) {
}
