package org.transferportal.auth;

import org.springframework.stereotype.Component;

import org.transferportal.globus.GlobusClients;
import org.transferportal.globus.GlobusScopes;
import org.transferportal.globus.TransferClient;

/**
 * Globus Transfer on behalf of a user who is not at the keyboard, with the tokens (and
 * refresh token) they left with the portal. Only for reading what the user's own
 * submissions became, so that the lab record stays current; it fails with
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
