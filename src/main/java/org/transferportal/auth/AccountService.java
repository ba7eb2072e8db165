package org.transferportal.auth;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

/**
 * What the portal holds for the logged-in user (tokens and remembered consents, never the
 * token values), and letting them take it back.
 */
@Service
class AccountService {

	private static final Pattern COLLECTION = Pattern.compile("https://auth\\.globus\\.org/scopes/([0-9a-f-]{36})/");

	private final CurrentUser currentUser;

	private final UserTokens tokens;

	private final ConsentMemory memory;

	AccountService(CurrentUser currentUser, UserTokens tokens, ConsentMemory memory) {
		this.currentUser = currentUser;
		this.tokens = tokens;
		this.memory = memory;
	}

	/**
	 * A token as the user may see it.
	 *
	 * @param resourceServer e.g. {@code transfer.api.globus.org}
	 * @param scopes the scopes it carries, dependent ones included
	 * @param expiresAt when its access token expires
	 * @param refreshable whether the portal can renew it without the user
	 */
	record TokenView(String resourceServer, List<String> scopes, Instant expiresAt, boolean refreshable) {
	}

	/**
	 * A remembered consent as the user may see it.
	 *
	 * @param scope the scope
	 * @param collection the collection it gives access to, if any
	 * @param grantedAt when it was given
	 */
	record ConsentView(String scope, String collection, Instant grantedAt) {
	}

	List<TokenView> tokens() {
		return this.tokens.tokens(this.currentUser.subject())
			.stream()
			.map((t) -> new TokenView(t.resourceServer(), scopes(t), t.expiresAt(), t.refreshToken() != null))
			.toList();
	}

	List<ConsentView> consents() {
		return this.memory.list(this.currentUser.subject())
			.stream()
			.map((c) -> new ConsentView(c.scope(), collection(c.scope()), c.grantedAt()))
			.toList();
	}

	/** Revokes the user's token for one resource server at Globus and forgets it. */
	void revokeToken(String resourceServer) {
		this.tokens.revoke(this.currentUser.subject(), resourceServer);
	}

	/** Revokes every token at Globus and forgets every consent. */
	void revokeEverything() {
		String subject = this.currentUser.subject();
		this.tokens.revokeAll(subject);
		this.memory.forgetAll(subject);
	}

	void forgetConsent(String scope) {
		this.memory.forget(this.currentUser.subject(), scope);
	}

	private static List<String> scopes(StoredToken token) {
		List<String> scopes = new java.util.ArrayList<>();
		if (token.scope() != null && !token.scope().isBlank()) {
			scopes.addAll(List.of(token.scope().trim().split("\\s+")));
		}
		token.dependentScopes().stream().sorted().forEach(scopes::add);
		return scopes;
	}

	private static String collection(String scope) {
		Matcher matcher = COLLECTION.matcher(scope);
		return matcher.find() ? matcher.group(1) : null;
	}

}
