package org.transferportal.auth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

import org.transferportal.lab.LabAccess;

/**
 * The login gate of a lab portal: only lab members get past login, only admins reach the
 * admin pages, and anyone else logged in is shown the refusal page.
 *
 * <p>
 * Membership of the lab's Globus group is looked up once, at login
 * ({@link LabGroupMembership}), and carried by the login itself as a granted authority:
 * it lives in the session with the rest of the security context (in the database, so
 * every instance sees it) and is decided again only at the next login.
 */
@Component
final class LabGate {

	/** Where people outside the lab are sent after login. */
	static final String REFUSED_PATH = "/refused";

	/**
	 * Where a login goes when the lab's group could not be checked (Globus Groups failed
	 * or could not be reached): the login is refused, but not as an outsider.
	 */
	static final String MEMBERSHIP_UNAVAILABLE_PATH = "/membership-unavailable";

	private static final String GROUP_AUTHORITY_PREFIX = "LAB_GROUP_MEMBER_";

	private final LabAccess access;

	LabGate(LabAccess access) {
		this.access = access;
	}

	/** Whether this logged-in Globus user belongs to the lab. */
	boolean admits(OidcUser user) {
		return admits(this.access, user);
	}

	/**
	 * Whether this logged-in Globus user belongs to the lab: by domain, by the group
	 * membership found at login, or as an admin.
	 */
	static boolean admits(LabAccess access, OidcUser user) {
		return access.admits(usernames(user), isGroupMember(access.group(), user));
	}

	/**
	 * The authority a login carries when its user is an active member of this group. It
	 * names the group, so that a login made while another group was configured does not
	 * count.
	 */
	static String groupAuthority(UUID group) {
		return GROUP_AUTHORITY_PREFIX + group;
	}

	private static boolean isGroupMember(UUID group, OidcUser user) {
		if (group == null || user.getAuthorities() == null) {
			return false;
		}
		String wanted = groupAuthority(group);
		return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(wanted::equals);
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
