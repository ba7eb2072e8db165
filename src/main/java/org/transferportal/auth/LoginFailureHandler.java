package org.transferportal.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * A trip to Globus Auth that did not end in a login: the user declined, or something
 * failed. Puts the user back where they were, with their work and a plain message; when
 * the lab's group could not be checked, says so on a page of its own; when the code was
 * already used (a callback replayed on another instance), starts one fresh authorization
 * request instead.
 */
@Component
class LoginFailureHandler implements AuthenticationFailureHandler {

	private static final Log logger = LogFactory.getLog(LoginFailureHandler.class);

	/** Globus's answer to an authorization code that was already exchanged or expired. */
	static final String INVALID_GRANT = "invalid_grant";

	/** Session attribute: a used code was met and a fresh request started. */
	static final String RETRIED_ATTRIBUTE = LoginFailureHandler.class.getName() + ".retried";

	private final PendingActions pendingActions;

	private final PendingActionDispatcher dispatcher;

	private final UserTokens tokens;

	private final RedirectStrategy redirects = new DefaultRedirectStrategy();

	private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	LoginFailureHandler(PendingActions pendingActions, PendingActionDispatcher dispatcher, UserTokens tokens) {
		this.pendingActions = pendingActions;
		this.dispatcher = dispatcher;
		this.tokens = tokens;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason = reason(exception);
		logger.info("Globus login did not complete: " + reason + described(exception));
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
		if ("authorization_request_not_found".equals(reason) && alreadyLoggedIn(request)) {
			// Another tab of this browser finished its login first (Spring keeps one
			// authorization request per session), or the browser went back to an old
			// callback: the user is logged in, so there is nothing to report.
			this.redirects.sendRedirect(request, response, "/");
			return;
		}
		OAuth2AuthorizationRequest authorization = LoginRequestAttributes.authorizationRequest(request);
		String pendingId = (authorization != null)
				? authorization.getAttribute(GlobusAuthorizationRequests.PENDING_ATTRIBUTE) : null;
		if (INVALID_GRANT.equals(reason) && authorization != null && firstRetry(request)) {
			// The code was already exchanged: behind a load balancer that retries a GET
			// on another instance when the first dies mid-request (nginx does), the
			// second receives a used code. A fresh authorization request — silent while
			// Globus's session lasts — finishes the login, with the same pending action
			// and the page that needed the login still in the session.
			logger.info("The authorization code was already used; starting a fresh authorization request");
			String retry = ConsentRoundTrip.AUTHORIZATION_PATH
					+ ((pendingId != null) ? "?" + ConsentRoundTrip.PENDING_PARAMETER + "=" + pendingId : "");
			this.redirects.sendRedirect(request, response, retry);
			return;
		}
		if (pendingId != null) {
			var action = this.pendingActions.consume(pendingId);
			if (action.isPresent()) {
				this.redirects.sendRedirect(request, response, this.dispatcher.abandoned(action.get(), reason));
				return;
			}
		}
		this.redirects.sendRedirect(request, response, "/?login_error=" + reason);
	}

	/**
	 * Marks the session as retrying a used code, unless it already is: one fresh request
	 * per failed login, never a loop. A login that succeeds clears the mark
	 * ({@link #loginSucceeded}).
	 */
	private static boolean firstRetry(HttpServletRequest request) {
		HttpSession session = request.getSession();
		if (session.getAttribute(RETRIED_ATTRIBUTE) != null) {
			return false;
		}
		session.setAttribute(RETRIED_ATTRIBUTE, Boolean.TRUE);
		return true;
	}

	/** A login succeeded: a later used code may be retried again. */
	static void loginSucceeded(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(RETRIED_ATTRIBUTE) != null) {
			session.removeAttribute(RETRIED_ATTRIBUTE);
		}
	}

	/**
	 * Whether the session holds a login. Read from the session itself: the login filter
	 * clears the request's security context before it calls this handler.
	 */
	private boolean alreadyLoggedIn(HttpServletRequest request) {
		Authentication current = this.contexts.loadDeferredContext(request).get().getAuthentication();
		return current != null && current.isAuthenticated() && current.getPrincipal() instanceof OidcUser;
	}

	/**
	 * Why, in words, for the log (an {@code invalid_id_token} says which check failed
	 * only there): on one line, printable and bounded, since part of it may come from the
	 * callback's query, which anyone can write.
	 */
	static String described(AuthenticationException exception) {
		String words = (exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getDescription()
				: exception.getMessage();
		if (words == null || words.isBlank()) {
			return "";
		}
		String line = words.replaceAll("\\p{Cntrl}", " ").strip();
		return " (" + ((line.length() > 300) ? line.substring(0, 300) + "..." : line) + ")";
	}

	/** The OAuth error code, reduced to safe characters for a URL. */
	private static String reason(AuthenticationException exception) {
		if (exception instanceof OAuth2AuthenticationException oauth) {
			return oauth.getError().getErrorCode().replaceAll("[^A-Za-z0-9_]", "");
		}
		return "login_failed";
	}

}
