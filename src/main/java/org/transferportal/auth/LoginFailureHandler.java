package org.transferportal.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A trip to Globus Auth that did not end in a login: the user declined, or something
 * failed. Puts the user back where they were, with their work and a plain message; when
 * the lab's group could not be checked, says so on a page of its own.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

	private static final Log logger = LogFactory.getLog(LoginFailureHandler.class);

	private final PendingActions pendingActions;

	private final PendingActionDispatcher dispatcher;

	private final UserTokens tokens;

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	LoginFailureHandler(PendingActions pendingActions, PendingActionDispatcher dispatcher, UserTokens tokens) {
		this.pendingActions = pendingActions;
		this.dispatcher = dispatcher;
		this.tokens = tokens;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason = reason(exception);
		logger.info("Globus login did not complete: " + reason);
		if (LabGroupMembership.UNAVAILABLE.equals(reason)) {
			// Fail closed: Globus issued tokens, but the login is not accepted, so they
			// are revoked rather than left valid. A pending action stays until it
			// expires; an earlier login in this session, if any, is left as it was.
			OAuth2AccessTokenResponse issued = LoginRequestAttributes.tokenResponse(request);
			if (issued != null) {
				this.tokens.revokeUnkept(issued);
			}
			this.redirects.sendRedirect(request, response, LabGate.MEMBERSHIP_UNAVAILABLE_PATH);
			return;
		}
		OAuth2AuthorizationRequest authorization = LoginRequestAttributes.authorizationRequest(request);
		String pendingId = (authorization != null)
				? authorization.getAttribute(GlobusAuthorizationRequests.PENDING_ATTRIBUTE) : null;
		if (pendingId != null) {
			var action = this.pendingActions.consume(pendingId);
			if (action.isPresent()) {
				this.redirects.sendRedirect(request, response, this.dispatcher.abandoned(action.get(), reason));
				return;
			}
		}
		this.redirects.sendRedirect(request, response, "/?login_error=" + reason);
	}

	/** The OAuth error code, reduced to safe characters for a URL. */
	private static String reason(AuthenticationException exception) {
		if (exception instanceof OAuth2AuthenticationException oauth) {
			return oauth.getError().getErrorCode().replaceAll("[^A-Za-z0-9_]", "");
		}
		return "login_failed";
	}

}
