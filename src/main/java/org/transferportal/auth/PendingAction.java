package org.transferportal.auth;

import java.time.Instant;

import org.transferportal.globus.AuthorizationParameters;

/**
 * Work to resume when the user comes back from Globus Auth.
 *
 * @param id random id, kept only in the user's server-side session during the trip
 * @param subject the Globus identity the action belongs to
 * @param kind which {@link PendingActionHandler} resumes it
 * @param target what to resume: a local path, or an id the handler understands
 * @param parameters what Globus Auth must be asked for
 * @param expiresAt after this the action is void
 */
public record PendingAction(String id, String subject, String kind, String target, AuthorizationParameters parameters,
		Instant expiresAt) {
}
