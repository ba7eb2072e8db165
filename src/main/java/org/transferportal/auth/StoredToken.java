package org.transferportal.auth;

import java.time.Instant;
import java.util.Set;

/**
 * One token of a user as the portal keeps it.
 *
 * @param subject the Globus identity id
 * @param resourceServer the resource server the token is for
 * @param accessToken the access token
 * @param refreshToken its own refresh token, or {@code null}
 * @param expiresAt when the access token expires
 * @param scope the root scopes Globus reported
 * @param dependentScopes dependent scopes the authorization that made it asked for
 * (Globus does not report them in token answers)
 */
record StoredToken(String subject, String resourceServer, String accessToken, String refreshToken, Instant expiresAt,
		String scope, Set<String> dependentScopes) {

	StoredToken {
		dependentScopes = Set.copyOf(dependentScopes);
	}

	boolean expiresWithin(java.time.Duration margin, Instant now) {
		return this.expiresAt.isBefore(now.plus(margin));
	}

}
