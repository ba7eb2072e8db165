package org.transferportal.simulator.auth;

import java.time.Instant;

import org.transferportal.simulator.LoginSession;

/**
 * A single-use authorization code.
 *
 * @param code the code
 * @param request the authorization it completes
 * @param session the login that approved it
 * @param expiresAt expiry (short)
 */
record AuthorizationCode(String code, PendingAuthorization request, LoginSession session, Instant expiresAt) {
}
