package org.transferportal.globus;

/**
 * Globus needs the user to go through Globus Auth again: a {@code ConsentRequired} error
 * (missing data_access consent) or any other Globus Auth requirement error.
 */
public class AuthorizationRequiredException extends GlobusApiException {

	private final AuthorizationParameters parameters;

	public AuthorizationRequiredException(int status, String code, String message, String requestId, String resource,
			AuthorizationParameters parameters) {
		super(status, code, message, requestId, resource);
		this.parameters = parameters;
	}

	public AuthorizationParameters parameters() {
		return this.parameters;
	}

	/**
	 * Whether this is the data_access kind, fixed by consenting to more scopes. Like
	 * Globus's SDK, a {@code ConsentRequired} that names no scope does not count: there
	 * would be nothing to consent to.
	 */
	public boolean isConsentRequired() {
		return "ConsentRequired".equals(code()) && !this.parameters.requiredScopes().isEmpty();
	}

}
