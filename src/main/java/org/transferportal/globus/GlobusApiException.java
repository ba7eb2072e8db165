package org.transferportal.globus;

/**
 * Globus answered with an error, or could not be reached: something a page can explain
 * (with Globus's request id) while the user stays logged in.
 */
public non-sealed class GlobusApiException extends GlobusException {

	public GlobusApiException(int status, String code, String message, String requestId, String resource) {
		this(status, code, message, requestId, resource, null);
	}

	public GlobusApiException(int status, String code, String message, String requestId, String resource,
			Throwable cause) {
		super(status, code, message, requestId, resource, cause);
	}

}
