package org.transferportal.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A trip to Globus Auth that did not end in a login: the user declined, or something
 * failed. Puts the user back where they were, with their work and a plain message.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

	private static final Log logger = LogFactory.getLog(LoginFailureHandler.class);

	private final PendingActions pendingActions;

	private final PendingActionDispatcher dispatcher;

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	LoginFailureHandler(PendingActions pendingActions, PendingActionDispatcher dispatcher) {
		this.pendingActions = pendingActions;
		this.dispatcher = dispatcher;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason = reason(exception);
		logger.info("Globus login did not complete: " + reason);
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
