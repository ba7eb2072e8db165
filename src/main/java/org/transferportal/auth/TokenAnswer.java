package org.transferportal.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

import org.transferportal.globus.GlobusScopes;

/**
 * The tokens of one answer of Globus Auth's token endpoint, one per resource server: the
 * top-level one and each of {@code other_tokens}, in no guaranteed order, so they are
 * picked by resource server. Read here once for whoever needs them.
 *
 * @param tokens the tokens, the top-level one first
 */
record TokenAnswer(List<Token> tokens) {

	/** Lifetime assumed for a token whose answer gives none. */
	private static final long DEFAULT_LIFETIME_SECONDS = 3600;

	TokenAnswer {
		tokens = List.copyOf(tokens);
	}

	/** The tokens of a code exchange as Spring Security received it. */
	static TokenAnswer of(OAuth2AccessTokenResponse response, Clock clock) {
		return of(response.getAccessToken(), response.getRefreshToken(), response.getAdditionalParameters(), clock);
	}

	/**
	 * The tokens of an answer: Spring's view of its top-level token, and the rest of the
	 * answer (with {@code resource_server} and {@code other_tokens}).
	 */
	static TokenAnswer of(OAuth2AccessToken top, OAuth2RefreshToken topRefresh, Map<String, Object> additional,
			Clock clock) {
		List<Token> tokens = new ArrayList<>();
		String topScope = String.join(" ", top.getScopes());
		String named = text(additional.get("resource_server"));
		String topServer = (named != null) ? named : topServerOf(topScope);
		Instant topExpiry = (top.getExpiresAt() != null) ? top.getExpiresAt()
				: clock.instant().plusSeconds(DEFAULT_LIFETIME_SECONDS);
		tokens.add(new Token(topServer, top.getTokenValue(), (topRefresh != null) ? topRefresh.getTokenValue() : null,
				topExpiry, topScope));
		if (additional.get("other_tokens") instanceof List<?> others) {
			for (Object other : others) {
				if (other instanceof Map<?, ?> token && text(token.get("access_token")) != null) {
					String scope = (text(token.get("scope")) != null) ? text(token.get("scope")) : "";
					String server = text(token.get("resource_server"));
					tokens.add(new Token((server != null) ? server : resourceServerOf(scope),
							text(token.get("access_token")), text(token.get("refresh_token")),
							clock.instant().plusSeconds(seconds(token.get("expires_in"))), scope));
				}
			}
		}
		return new TokenAnswer(tokens);
	}

	/** The token for this resource server, if the answer has one. */
	Optional<Token> forResourceServer(String resourceServer) {
		return this.tokens.stream().filter((token) -> resourceServer.equals(token.resourceServer())).findFirst();
	}

	/**
	 * The resource server of a token that does not name it (Globus always does; a
	 * Globus-shaped server might not): Transfer's or Groups' if its scope is theirs.
	 */
	static String resourceServerOf(String scope) {
		for (String name : scope.split("\\s+")) {
			if (name.startsWith(GlobusScopes.TRANSFER)) {
				return GlobusScopes.TRANSFER_RESOURCE_SERVER;
			}
			if (name.equals(GlobusScopes.GROUPS_VIEW_MY_GROUPS)) {
				return GlobusScopes.GROUPS_RESOURCE_SERVER;
			}
		}
		return "unknown";
	}

	/**
	 * The top-level token is Auth's when Auth issued one (it is whenever openid is
	 * asked).
	 */
	private static String topServerOf(String scope) {
		String server = resourceServerOf(scope);
		return "unknown".equals(server) ? GlobusScopes.AUTH_RESOURCE_SERVER : server;
	}

	private static long seconds(Object expiresIn) {
		if (expiresIn instanceof Number number) {
			return number.longValue();
		}
		try {
			return (expiresIn != null) ? Long.parseLong(expiresIn.toString().trim()) : DEFAULT_LIFETIME_SECONDS;
		}
		catch (NumberFormatException ex) {
			return DEFAULT_LIFETIME_SECONDS;
		}
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	/**
	 * One token of the answer.
	 *
	 * @param resourceServer the resource server it is for
	 * @param accessToken the access token
	 * @param refreshToken its refresh token, or {@code null} without offline access
	 * @param expiresAt when the access token expires
	 * @param scope the root scopes Globus reported
	 */
	record Token(String resourceServer, String accessToken, String refreshToken, Instant expiresAt, String scope) {

		/** Every token value it carries, refresh token first (revoking it ends both). */
		List<String> values() {
			List<String> values = new ArrayList<>();
			if (this.refreshToken != null) {
				values.add(this.refreshToken);
			}
			values.add(this.accessToken);
			return values;
		}

	}

}
