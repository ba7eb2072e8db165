package org.transferportal.globus;

/**
 * Globus refused the user's token and a refresh did not help: the user must log in again.
 */
public class GlobusUnauthorizedException extends GlobusApiException {

	public GlobusUnauthorizedException(int status, String code, String message, String requestId, String resource) {
		super(status, code, message, requestId, resource);
	}

}
