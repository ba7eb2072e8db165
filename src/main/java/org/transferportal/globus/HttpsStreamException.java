package org.transferportal.globus;

/**
 * The connection to a collection's HTTPS server failed while bytes were flowing, so the
 * file arrived (or was sent) only in part.
 */
public class HttpsStreamException extends GlobusApiException {

	public HttpsStreamException(String message, String resource, Throwable cause) {
		super(0, "HttpsConnectionBroken", message, null, resource, cause);
	}

}
