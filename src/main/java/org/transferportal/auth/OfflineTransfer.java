package org.transferportal.auth;

import org.springframework.stereotype.Component;

import org.transferportal.globus.GlobusClients;
import org.transferportal.globus.GlobusScopes;
import org.transferportal.globus.TransferClient;

/**
 * Globus Transfer as a given user, with the tokens (and refresh token) the portal keeps
 * for them. {@link CurrentUser} uses it for whoever is logged in; beyond that, only the
 * audit's status refresh, for owners who are not at the keyboard, reading what their own
 * submissions became. It fails with
 * {@link org.transferportal.globus.GlobusUnauthorizedException} once the user's tokens
 * are gone or revoked.
 */
@Component
public class OfflineTransfer {

	private final GlobusClients globus;

	private final UserTokens tokens;

	OfflineTransfer(GlobusClients globus, UserTokens tokens) {
		this.globus = globus;
		this.tokens = tokens;
	}

	/** Transfer as the user with this Globus identity id. */
	public TransferClient forSubject(String subject) {
		return this.globus.transfer(this.tokens.provider(subject, GlobusScopes.TRANSFER_RESOURCE_SERVER));
	}

}
