package org.transferportal.auth;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.transferportal.globus.AuthorizationParameters;
import org.transferportal.globus.GlobusScopes;
import org.transferportal.globus.Scope;
import org.transferportal.support.LocalPaths;

/**
 * After Globus Auth: keeps the user's tokens, remembers the consents given, and resumes
 * the pending action of a consent round trip — or returns to the page that needed login.
 */
@Component
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private static final Log logger = LogFactory.getLog(LoginSuccessHandler.class);

	private final UserTokens tokens;

	private final ConsentMemory memory;

	private final PendingActions pendingActions;

	private final PendingActionDispatcher dispatcher;

	private final ConsentRoundTrip consent;

	private final LabGate gate;

	private final GrantedConsents granted;

	private final ApplicationEventPublisher events;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	LoginSuccessHandler(UserTokens tokens, ConsentMemory memory, PendingActions pendingActions,
			PendingActionDispatcher dispatcher, ConsentRoundTrip consent, LabGate gate, GrantedConsents granted,
			ApplicationEventPublisher events) {
		this.events = events;
		this.consent = consent;
		this.gate = gate;
		this.granted = granted;
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
		// A login, consent trips included, may change what the user granted.
		this.granted.forget(subject);
		this.events.publishEvent(new SignedIn(subject,
				(user.getPreferredUsername() != null) ? user.getPreferredUsername() : subject, user.getEmail(),
				ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString()));
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
		else if (askRememberedConsents(request, response, subject)) {
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

	/**
	 * A plain login asks only for the lab's known scopes, since the user is not known
	 * before it. If this user consented to more through the portal before, one more trip
	 * — approved by Globus without a page, as the consents exist — gets a token that
	 * carries them, so that the user never meets ConsentRequired for them; the trip then
	 * goes on to the page that needed the login. Globus Auth's list of the user's
	 * consents says which of them still exist: ones revoked there are forgotten rather
	 * than asked for (Globus would show its consent page for them, unasked for).
	 * @return whether the trip was started
	 */
	private boolean askRememberedConsents(HttpServletRequest request, HttpServletResponse response, String subject)
			throws IOException {
		Set<String> missing = new LinkedHashSet<>(this.memory.remembered(subject));
		if (missing.isEmpty()) {
			return false;
		}
		Optional<Set<String>> atGlobus = this.granted.dataAccess(subject, missing);
		if (atGlobus.isPresent()) {
			Set<String> revoked = new LinkedHashSet<>(missing);
			revoked.removeAll(atGlobus.get());
			if (!revoked.isEmpty()) {
				logger.info("Forgetting " + revoked.size() + " remembered consents that Globus Auth no longer lists");
				this.memory.forget(subject, revoked);
				missing.removeAll(revoked);
			}
		}
		missing.removeAll(this.tokens.transferDependentScopes(subject));
		if (missing.isEmpty()) {
			return false;
		}
		String target = savedTarget(request, response);
		Scope transfer = new Scope(GlobusScopes.TRANSFER, false,
				missing.stream().sorted().map((name) -> new Scope(name, true, List.of())).toList());
		String path = this.consent.start(RememberedConsents.KIND, target,
				AuthorizationParameters.scopes(List.of(transfer.toString()), null));
		clearAuthenticationAttributes(request);
		getRedirectStrategy().sendRedirect(request, response, path);
		return true;
	}

	/** The local page that needed the login, taken out of the request cache. */
	private String savedTarget(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = this.requestCache.getRequest(request, response);
		this.requestCache.removeRequest(request, response);
		if (saved == null) {
			return "/";
		}
		URI uri = URI.create(saved.getRedirectUrl());
		// Spring marks saved requests with a "continue" parameter; this one is taken
		// out of the cache here, so the mark has no use.
		String query = (uri.getRawQuery() != null)
				? uri.getRawQuery().replaceAll("(^|&)continue(=[^&]*)?", "").replaceFirst("^&", "") : "";
		String local = uri.getRawPath() + (query.isEmpty() ? "" : "?" + query);
		return LocalPaths.orElse(local, "/");
	}

}
