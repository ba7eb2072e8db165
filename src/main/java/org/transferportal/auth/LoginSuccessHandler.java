package org.transferportal.auth;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After Globus Auth: keeps the user's tokens, remembers the consents given, and resumes
 * the pending action of a consent round trip — or returns to the page that needed login.
 */
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private static final Log logger = LogFactory.getLog(LoginSuccessHandler.class);

	private final UserTokens tokens;

	private final ConsentMemory memory;

	private final PendingActions pendingActions;

	private final PendingActionDispatcher dispatcher;

	private final LabGate gate;

	LoginSuccessHandler(UserTokens tokens, ConsentMemory memory, PendingActions pendingActions,
			PendingActionDispatcher dispatcher, LabGate gate) {
		this.gate = gate;
		this.tokens = tokens;
		this.memory = memory;
		this.pendingActions = pendingActions;
		this.dispatcher = dispatcher;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		OidcUser user = (OidcUser) authentication.getPrincipal();
		String subject = user.getSubject();
		OAuth2AccessTokenResponse tokenResponse = LoginRequestAttributes.tokenResponse(request);
		OAuth2AuthorizationRequest authorization = LoginRequestAttributes.authorizationRequest(request);
		Set<String> requested = (authorization != null) ? authorization.getScopes() : Set.of();
		if (!this.gate.admits(user)) {
			// Not a lab member: the tokens Globus just issued are revoked, not kept.
			if (tokenResponse != null) {
				this.tokens.saveLogin(subject, tokenResponse, requested);
			}
			this.tokens.revokeAll(subject);
			logger.info("Refused a login from outside the lab");
			clearAuthenticationAttributes(request);
			getRedirectStrategy().sendRedirect(request, response, LabGate.REFUSED_PATH);
			return;
		}
		if (tokenResponse != null) {
			this.tokens.saveLogin(subject, tokenResponse, requested);
			this.memory.remember(subject, UserTokens.transferDependents(requested));
		}
		String pendingId = (authorization != null)
				? authorization.getAttribute(GlobusAuthorizationRequests.PENDING_ATTRIBUTE) : null;
		if (pendingId != null) {
			var action = this.pendingActions.consume(pendingId).filter((a) -> a.subject().equals(subject));
			if (action.isPresent()) {
				clearAuthenticationAttributes(request);
				getRedirectStrategy().sendRedirect(request, response, this.dispatcher.resume(action.get()));
				return;
			}
			logger.info("A consent round trip came back after its pending action expired or was used");
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
