package org.transferportal.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import org.transferportal.globus.CollectionHttpsClient;
import org.transferportal.globus.GlobusClients;
import org.transferportal.globus.TransferClient;

/**
 * The logged-in user, and Globus Transfer on their behalf. The only way other features
 * reach a user's tokens.
 */
@Component
public class CurrentUser {

	private final OfflineTransfer transfers;

	private final GlobusClients globus;

	private final UserTokens tokens;

	CurrentUser(OfflineTransfer transfers, GlobusClients globus, UserTokens tokens) {
		this.transfers = transfers;
		this.globus = globus;
		this.tokens = tokens;
	}

	/** The Globus identity id of the user. */
	public String subject() {
		return oidcUser().getSubject();
	}

	/** The user's Globus username, e.g. {@code alice@globusid.org}. */
	public String username() {
		OidcUser user = oidcUser();
		return (user.getPreferredUsername() != null) ? user.getPreferredUsername() : user.getSubject();
	}

	/**
	 * The e-mail address Globus gave for the user's identity ({@code email} claim), or
	 * {@code null}.
	 */
	public String email() {
		return oidcUser().getEmail();
	}

	/** Name, identity provider and linked identities, for the header and profile page. */
	public Profile profile() {
		OidcUser user = oidcUser();
		Map<String, Object> claims = user.getClaims();
		List<String> linked = (claims.get("identity_set") instanceof List<?> set) ? set.stream()
			.filter(Map.class::isInstance)
			.map((identity) -> String.valueOf(((Map<?, ?>) identity).get("username")))
			.filter((name) -> !name.equals(user.getPreferredUsername()))
			.toList() : List.of();
		Object provider = claims.getOrDefault("identity_provider_display_name", claims.get("identity_provider"));
		return new Profile(user.getSubject(), (user.getFullName() != null) ? user.getFullName() : username(),
				username(), (provider != null) ? provider.toString() : null, linked);
	}

	/** The profile of whoever is logged in, or {@code null} on public pages. */
	public Profile profileOrNull() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof OidcUser) ? profile() : null;
	}

	/** Globus Transfer as this user, with tokens refreshed as needed. */
	public TransferClient transfer() {
		return this.transfers.forSubject(subject());
	}

	/**
	 * A collection's HTTPS server as this user, with the user's token for that collection
	 * (Globus issues it with the collection's id as resource server), refreshed as
	 * needed.
	 * @param httpsServer the collection document's {@code https_server}
	 */
	public CollectionHttpsClient https(UUID collection, String httpsServer) {
		return this.globus.https(httpsServer, this.tokens.provider(subject(), collection.toString()));
	}

	private static OidcUser oidcUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
			return user;
		}
		throw new IllegalStateException("No Globus user is logged in");
	}

	/**
	 * Who is logged in.
	 *
	 * @param subject identity id
	 * @param name display name
	 * @param username Globus username
	 * @param identityProvider name of the identity provider
	 * @param linkedIdentities usernames of the user's other linked identities
	 */
	public record Profile(String subject, String name, String username, String identityProvider,
			List<String> linkedIdentities) {
	}

}
