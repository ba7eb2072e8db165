package org.transferportal.simulator;

import java.time.Instant;
import java.util.List;

/**
 * An access token the simulated Globus Auth issued for one resource server.
 *
 * @param accessToken the opaque token
 * @param resourceServer e.g. {@code transfer.api.globus.org}
 * @param clientId the client it was issued to
 * @param scopes the root scopes with the dependent scopes that were requested
 * @param session the login it came from
 * @param issuedAt issue time
 * @param expiresAt expiry time
 * @param refreshToken its refresh token, or null
 */
public record IssuedToken(String accessToken, String resourceServer, String clientId, List<SimScope> scopes,
		LoginSession session, Instant issuedAt, Instant expiresAt, String refreshToken) {

	public String sub() {
		return this.session.identityId();
	}

	public boolean isActive(Instant now) {
		return now.isBefore(this.expiresAt);
	}

	/** Root scope names, space-separated, as a token response lists them. */
	public String rootScopeNames() {
		return String.join(" ", this.scopes.stream().map(SimScope::name).toList());
	}

}
