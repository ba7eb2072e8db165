package org.transferportal.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import org.transferportal.globus.AuthorizationParameters;
import org.transferportal.globus.GlobusScopes;
import org.transferportal.globus.Scope;

/**
 * Builds every authorization request to Globus Auth: refresh tokens, and — on a consent
 * round trip — the scopes and session requirements of the pending action, merged into one
 * Transfer root scope with what the user already has.
 */
final class GlobusAuthorizationRequests {

	static final String PENDING_ATTRIBUTE = "portal.pendingAction";

	/** Query parameter asking for a fresh login, to switch identity. */
	static final String SWITCH_PARAMETER = "switch";

	private final PendingActions pendingActions;

	private final UserTokens tokens;

	private final List<UUID> knownCollections;

	private final List<String> extraLoginScopes;

	/**
	 * @param knownCollections the lab's mapped collections whose data_access is asked for
	 * at every login, the "known collections" approach of Globus's transfer guide
	 * @param extraLoginScopes more scopes for every login (the lab's view_identity_set)
	 */
	GlobusAuthorizationRequests(PendingActions pendingActions, UserTokens tokens, List<UUID> knownCollections,
			List<String> extraLoginScopes) {
		this.pendingActions = pendingActions;
		this.tokens = tokens;
		this.knownCollections = List.copyOf(knownCollections);
		this.extraLoginScopes = List.copyOf(extraLoginScopes);
	}

	OAuth2AuthorizationRequestResolver resolver(ClientRegistrationRepository registrations) {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, "/oauth2/authorization");
		// PKCE comes from the registration's settings (GlobusLoginConfiguration).
		Consumer<OAuth2AuthorizationRequest.Builder> offline = (builder) -> builder
			.additionalParameters((p) -> p.put("access_type", "offline"));
		resolver.setAuthorizationRequestCustomizer(offline.andThen(this::roundTrip));
		return resolver;
	}

	/** Remembers the authorization request Spring finishes, for the login handlers. */
	AuthorizationRequestRepository<OAuth2AuthorizationRequest> repository() {
		HttpSessionOAuth2AuthorizationRequestRepository delegate = new HttpSessionOAuth2AuthorizationRequestRepository();
		return new AuthorizationRequestRepository<>() {

			@Override
			public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
				return delegate.loadAuthorizationRequest(request);
			}

			@Override
			public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest,
					HttpServletRequest request, HttpServletResponse response) {
				delegate.saveAuthorizationRequest(authorizationRequest, request, response);
			}

			@Override
			public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
					HttpServletResponse response) {
				OAuth2AuthorizationRequest removed = delegate.removeAuthorizationRequest(request, response);
				LoginRequestAttributes.authorizationRequest(request, removed);
				return removed;
			}

		};
	}

	private void roundTrip(OAuth2AuthorizationRequest.Builder builder) {
		builder.scopes(scopes(Set.of(), List.of()));
		HttpServletRequest request = LoginRequestAttributes.currentRequest();
		if (request == null) {
			return;
		}
		if (request.getParameter(SWITCH_PARAMETER) != null) {
			builder.additionalParameters((p) -> p.put("prompt", "login"));
		}
		String pendingId = request.getParameter(ConsentRoundTrip.PENDING_PARAMETER);
		String subject = currentSubject();
		if (pendingId == null || subject == null) {
			return;
		}
		this.pendingActions.find(pendingId, subject).ifPresent((action) -> {
			AuthorizationParameters wanted = action.parameters();
			builder.scopes(scopes(this.tokens.transferDependentScopes(subject), wanted.requiredScopes()));
			builder.additionalParameters(sessionParameters(wanted));
			builder.attributes((a) -> a.put(PENDING_ATTRIBUTE, action.id()));
		});
	}

	/**
	 * The login scopes, plus Transfer's root scope with the lab's known collections,
	 * every dependent scope the user's token already carries and every one now required,
	 * plus any other required scope. Globus must see one Transfer root: a second one
	 * would make the new token lose the first one's dependents.
	 */
	Set<String> scopes(Set<String> carriedDependents, List<String> requiredScopes) {
		List<Scope> all = new ArrayList<>();
		GlobusScopes.LOGIN.forEach((s) -> all.add(Scope.of(s)));
		this.extraLoginScopes.forEach((s) -> all.add(Scope.of(s)));
		all.add(GlobusScopes.transferWithDataAccess(this.knownCollections));
		List<Scope> carried = carriedDependents.stream().map((s) -> new Scope(s, true, List.of())).toList();
		all.add(new Scope(GlobusScopes.TRANSFER, false, carried));
		requiredScopes.forEach((s) -> all.addAll(Scope.parse(s)));
		Set<String> scopes = new LinkedHashSet<>();
		Scope.merge(all).forEach((s) -> scopes.add(s.toString()));
		return scopes;
	}

	private static Consumer<Map<String, Object>> sessionParameters(AuthorizationParameters wanted) {
		return (p) -> {
			putList(p, "session_required_identities", wanted.sessionRequiredIdentities());
			putList(p, "session_required_single_domain", wanted.sessionRequiredSingleDomain());
			putList(p, "session_required_policies", wanted.sessionRequiredPolicies());
			if (wanted.sessionRequiredMfa()) {
				p.put("session_required_mfa", "true");
			}
			if (wanted.sessionMessage() != null && !wanted.sessionMessage().isBlank()) {
				p.put("session_message", wanted.sessionMessage());
			}
			// Only a fresh login at the identity provider meets a session requirement.
			if (wanted.requiresSession()) {
				p.put("prompt", "login");
			}
			else if (wanted.prompt() != null) {
				p.put("prompt", wanted.prompt());
			}
		};
	}

	private static void putList(Map<String, Object> parameters, String name, List<String> values) {
		if (!values.isEmpty()) {
			parameters.put(name, String.join(",", values));
		}
	}

	private static String currentSubject() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof OidcUser user) ? user.getSubject()
				: null;
	}

}
