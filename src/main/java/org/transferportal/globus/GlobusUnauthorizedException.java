package org.transferportal.globus;

/**
 * Globus refused the user's token and a refresh did not help: the user must log in again.
 * Not a {@link GlobusApiException}, so that only the web layer's error advice handles it.
 */
public final class GlobusUnauthorizedException extends GlobusException {

	public GlobusUnauthorizedException(int status, String code, String message, String requestId, String resource) {
		super(status, code, message, requestId, resource, null);
	}

}
