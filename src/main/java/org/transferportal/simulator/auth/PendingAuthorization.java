package org.transferportal.simulator.auth;

import java.time.Instant;
import java.util.List;

import org.transferportal.simulator.SimScope;

/**
 * An authorization request waiting for the user's login and consent.
 *
 * @param id the request id (in page URLs)
 * @param formToken the random token its forms must carry
 * @param clientId requesting client
 * @param redirectUri where to send the browser back
 * @param state client state to echo
 * @param nonce OIDC nonce to echo into the ID token
 * @param scopes requested scopes, merged
 * @param codeChallenge PKCE S256 challenge, or null
 * @param offline whether refresh tokens were asked for
 * @param forceLogin whether {@code prompt=login} was given
 * @param requiredIdentities ids or usernames from {@code session_required_identities}
 * @param requiredDomains domains from {@code session_required_single_domain}
 * @param requiredPolicies policy ids from {@code session_required_policies}
 * @param requireMfa whether {@code session_required_mfa} was true
 * @param sessionMessage text shown on the login page
 * @param createdAt creation time
 */
record PendingAuthorization(String id, String formToken, String clientId, String redirectUri, String state,
		String nonce, List<SimScope> scopes, String codeChallenge, boolean offline, boolean forceLogin,
		List<String> requiredIdentities, List<String> requiredDomains, List<String> requiredPolicies,
		boolean requireMfa, String sessionMessage, Instant createdAt) {

	boolean hasSessionRequirements() {
		return !this.requiredIdentities.isEmpty() || !this.requiredDomains.isEmpty() || !this.requiredPolicies.isEmpty()
				|| this.requireMfa;
	}

}
