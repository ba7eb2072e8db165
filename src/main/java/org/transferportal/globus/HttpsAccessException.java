package org.transferportal.globus;

/**
 * A collection's HTTPS server would not serve the user: it refused the token (401, after
 * one refresh), refused the identity (403), or answered with a web page or a redirect
 * where bytes were expected, which is how Globus Connect Server asks a browser to log in
 * again (a step-up login) rather than with an error status.
 */
public class HttpsAccessException extends GlobusApiException {

	/** The code of an answer that was a login page or a redirect, not the file. */
	public static final String LOGIN_PAGE = "HttpsLoginPage";

	/** The code of a refused token. */
	public static final String TOKEN_REFUSED = "HttpsTokenRefused";

	/** The code of a refused identity or path. */
	public static final String FORBIDDEN = "HttpsForbidden";

	public HttpsAccessException(int status, String code, String message, String resource) {
		super(status, code, message, null, resource);
	}

	/** Whether a fresh login at Globus Auth is what the server wants. */
	public boolean wantsLogin() {
		return LOGIN_PAGE.equals(code());
	}

	/** Whether the server refused the token itself, which a new consent replaces. */
	public boolean tokenRefused() {
		return TOKEN_REFUSED.equals(code());
	}

}
