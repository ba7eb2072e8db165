package org.transferportal.auth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import org.transferportal.lab.LabAccess;

/**
 * The login gate of a lab portal: only lab members get past login, only admins reach the
 * admin pages, and anyone else logged in is shown the refusal page.
 */
final class LabGate {

	/** Where people outside the lab are sent after login. */
	static final String REFUSED_PATH = "/refused";

	private final LabAccess access;

	LabGate(LabAccess access) {
		this.access = access;
	}

	/** Whether this logged-in Globus user belongs to the lab. */
	boolean admits(OidcUser user) {
		return this.access.admits(usernames(user));
	}

	/** Logged in as a lab member. */
	AuthorizationManager<RequestAuthorizationContext> members() {
		return (authentication, context) -> new AuthorizationDecision(member(authentication));
	}

	/** Anyone not logged in, or a lab member (the landing page). */
	AuthorizationManager<RequestAuthorizationContext> visitorsAndMembers() {
		return (authentication, context) -> {
			Authentication current = authentication.get();
			boolean user = current != null && current.getPrincipal() instanceof OidcUser;
			return new AuthorizationDecision(!user || member(authentication));
		};
	}

	/** Logged in as a lab admin. */
	AuthorizationManager<RequestAuthorizationContext> admins() {
		return (authentication, context) -> new AuthorizationDecision(member(authentication)
				&& this.access.isAdmin(((OidcUser) authentication.get().getPrincipal()).getPreferredUsername()));
	}

	/**
	 * Sends a logged-in outsider to the refusal page; everything else (a stale CSRF
	 * token, a member on an admin page) gets the usual 403 page.
	 */
	AccessDeniedHandler deniedHandler() {
		AccessDeniedHandlerImpl standard = new AccessDeniedHandlerImpl();
		return new AccessDeniedHandler() {
			@Override
			public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
					throws IOException, ServletException {
				Authentication current = SecurityContextHolder.getContext().getAuthentication();
				if (current != null && current.getPrincipal() instanceof OidcUser user && !admits(user)) {
					response.sendRedirect(request.getContextPath() + REFUSED_PATH);
					return;
				}
				standard.handle(request, response, denied);
			}
		};
	}

	private boolean member(Supplier<? extends Authentication> authentication) {
		Authentication current = authentication.get();
		return current != null && current.isAuthenticated() && current.getPrincipal() instanceof OidcUser user
				&& admits(user);
	}

	/** The user's Globus username and those of the identities linked to it. */
	static List<String> usernames(OidcUser user) {
		List<String> usernames = new ArrayList<>();
		if (user.getPreferredUsername() != null) {
			usernames.add(user.getPreferredUsername());
		}
		if (user.getClaims().get("identity_set") instanceof List<?> set) {
			set.stream()
				.filter(Map.class::isInstance)
				.map((identity) -> ((Map<?, ?>) identity).get("username"))
				.filter((name) -> name != null)
				.forEach((name) -> usernames.add(name.toString()));
		}
		return usernames;
	}

}
