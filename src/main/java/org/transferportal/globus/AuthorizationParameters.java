package org.transferportal.globus;

import java.util.ArrayList;
import java.util.List;

/**
 * What Globus Auth must be asked for before a call can succeed: the
 * {@code authorization_parameters} of a Globus Auth requirement error (GARE).
 *
 * @param requiredScopes scopes to add to the authorization request
 * @param sessionMessage text Globus Auth shows to the user
 * @param sessionRequiredIdentities identities (ids or usernames) one of which must be in
 * session
 * @param sessionRequiredSingleDomain domains one of which the session identity must come
 * from
 * @param sessionRequiredPolicies authentication policy ids that must be satisfied
 * @param sessionRequiredMfa whether the login must have used multi-factor authentication
 * @param prompt {@code login} to force a fresh login
 */
public record AuthorizationParameters(List<String> requiredScopes, String sessionMessage,
		List<String> sessionRequiredIdentities, List<String> sessionRequiredSingleDomain,
		List<String> sessionRequiredPolicies, boolean sessionRequiredMfa, String prompt) {

	public AuthorizationParameters {
		requiredScopes = copy(requiredScopes);
		sessionRequiredIdentities = copy(sessionRequiredIdentities);
		sessionRequiredSingleDomain = copy(sessionRequiredSingleDomain);
		sessionRequiredPolicies = copy(sessionRequiredPolicies);
	}

	/** Parameters that only ask for scopes. */
	public static AuthorizationParameters scopes(List<String> requiredScopes, String message) {
		return new AuthorizationParameters(requiredScopes, message, null, null, null, false, null);
	}

	/** The same parameters, asking for these scopes too. */
	public AuthorizationParameters withMoreScopes(List<String> more) {
		List<String> scopes = new ArrayList<>(this.requiredScopes);
		more.stream().filter((s) -> !scopes.contains(s)).forEach(scopes::add);
		return new AuthorizationParameters(scopes, this.sessionMessage, this.sessionRequiredIdentities,
				this.sessionRequiredSingleDomain, this.sessionRequiredPolicies, this.sessionRequiredMfa, this.prompt);
	}

	/** Whether these parameters ask for something about the login session itself. */
	public boolean requiresSession() {
		return !this.sessionRequiredIdentities.isEmpty() || !this.sessionRequiredSingleDomain.isEmpty()
				|| !this.sessionRequiredPolicies.isEmpty() || this.sessionRequiredMfa || "login".equals(this.prompt);
	}

	private static List<String> copy(List<String> values) {
		return (values != null) ? List.copyOf(values) : List.of();
	}

}
