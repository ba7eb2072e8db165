package org.transferportal.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a login that is older than {@code portal.auth.absolute-session-lifetime}, however
 * active its user (review L6): the session is dropped and the request goes on as
 * anonymous, so a page that needs a login sends the user through Globus Auth again, where
 * the lab's rules — a Globus group's membership among them — are applied afresh. A login
 * counts from its ID token's issue time, consent trips included. Also records that the
 * user is using the portal, which keeps their tokens from being dropped as idle.
 */
final class SessionLifetime extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(SessionLifetime.class);

	private final AuthProperties properties;

	private final UserTokens tokens;

	private final Clock clock;

	SessionLifetime(AuthProperties properties, UserTokens tokens, Clock clock) {
		this.properties = properties;
		this.tokens = tokens;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
			if (expired(user)) {
				logger.info("A login reached its absolute lifetime of " + this.properties.absoluteSessionLifetime()
						+ ": the user logs in again");
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
			}
			else {
				this.tokens.used(user.getSubject());
			}
		}
		chain.doFilter(request, response);
	}

	private boolean expired(OidcUser user) {
		Instant loggedIn = (user.getIdToken() != null) ? user.getIdToken().getIssuedAt() : null;
		// Without an issue time there is nothing to count from: Spring's ID-token checks
		// demand one, so this is a login made some other way, and it ends now.
		return loggedIn == null
				|| !loggedIn.plus(this.properties.absoluteSessionLifetime()).isAfter(this.clock.instant());
	}

}
