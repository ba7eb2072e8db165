package org.transferportal.auth;

import org.springframework.stereotype.Component;

import org.transferportal.globus.GlobusClients;
import org.transferportal.globus.GlobusScopes;
import org.transferportal.globus.TimersClient;

/**
 * Globus Timers as a given user, with the Timers token (and refresh token) the portal
 * keeps for them: {@link CurrentUser} uses it for whoever is logged in, the schedules'
 * watcher for owners who are not at the keyboard. The token comes from the consent trip
 * that first asked for the timer scope; a later login keeps it.
 */
@Component
public class OfflineTimers {

	private final GlobusClients globus;

	private final UserTokens tokens;

	OfflineTimers(GlobusClients globus, UserTokens tokens) {
		this.globus = globus;
		this.tokens = tokens;
	}

	/** Timers as the user with this Globus identity id. */
	public TimersClient forSubject(String subject) {
		return this.globus.timers(this.tokens.provider(subject, GlobusScopes.TIMERS_RESOURCE_SERVER));
	}

	/**
	 * Whether the portal holds a Timers token of the user: without one, only a trip to
	 * Globus Auth for the timer scope gets one (a login does not).
	 */
	public boolean holdsToken(String subject) {
		return this.tokens.holds(subject, GlobusScopes.TIMERS_RESOURCE_SERVER);
	}

}
