package org.transferportal.globus;

/**
 * Gives the client a user's access token for one resource server, without the client
 * knowing where tokens are kept.
 */
public interface AccessTokenProvider {

	/** A token that is valid now, refreshed first if it is about to expire. */
	String accessToken();

	/**
	 * A new token, after Globus refused the current one.
	 * @throws GlobusUnauthorizedException when no new token can be had and the user must
	 * log in again
	 */
	String refreshAccessToken();

}
