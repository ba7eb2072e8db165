package org.transferportal.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Every token the simulated Globus Auth has issued, in memory.
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
public class TokenStore {

	/** Transfer-side resource server name. */
	public static final String TRANSFER = "transfer.api.globus.org";

	/** Auth-side resource server name. */
	public static final String AUTH = "auth.globus.org";

	/** Globus Timers' resource server (the id in its scope's name). */
	public static final String TIMERS = "524230d7-ea86-4a52-8312-86065a9e0417";

	/** Groups-side resource server name. */
	public static final String GROUPS = "groups.api.globus.org";

	private final Map<String, IssuedToken> byAccessToken = new ConcurrentHashMap<>();

	private final Map<String, IssuedToken> byRefreshToken = new ConcurrentHashMap<>();

	/** identity id → when it last completed an authorization (a code exchange). */
	private final Map<String, Instant> lastAuthorized = new ConcurrentHashMap<>();

	private final SimulatorProperties properties;

	private final Clock clock = Clock.systemUTC();

	public TokenStore(SimulatorProperties properties) {
		this.properties = properties;
	}

	public Instant now() {
		return this.clock.instant();
	}

	public IssuedToken issue(String resourceServer, String clientId, List<SimScope> scopes, LoginSession session,
			boolean withRefreshToken) {
		Instant now = now();
		String refresh = withRefreshToken ? "Ag" + SimJson.randomString(40) + "Refresh" : null;
		IssuedToken token = new IssuedToken("Ag" + SimJson.randomString(48), resourceServer, clientId, scopes, session,
				now, now.plus(this.properties.tokenLifetime()), refresh);
		this.byAccessToken.put(token.accessToken(), token);
		if (refresh != null) {
			this.byRefreshToken.put(refresh, token);
		}
		this.lastAuthorized.put(session.identityId(), now);
		return token;
	}

	/** A new access token for the same resource server, scopes and login. */
	public Optional<IssuedToken> refresh(String refreshToken, String clientId) {
		IssuedToken previous = this.byRefreshToken.get(refreshToken);
		if (previous == null || !previous.clientId().equals(clientId)) {
			return Optional.empty();
		}
		Instant now = now();
		IssuedToken token = new IssuedToken("Ag" + SimJson.randomString(48), previous.resourceServer(), clientId,
				previous.scopes(), previous.session(), now, now.plus(this.properties.tokenLifetime()), refreshToken);
		this.byAccessToken.put(token.accessToken(), token);
		this.byRefreshToken.put(refreshToken, token);
		return Optional.of(token);
	}

	/** An active access token, if the string is one. */
	public Optional<IssuedToken> findActive(String accessToken) {
		if (accessToken == null) {
			return Optional.empty();
		}
		IssuedToken token = this.byAccessToken.get(accessToken);
		return (token != null && token.isActive(now())) ? Optional.of(token) : Optional.empty();
	}

	/**
	 * Revokes an access or refresh token (a refresh token takes its access tokens along).
	 */
	public void revoke(String token) {
		if (token == null) {
			return;
		}
		this.byAccessToken.remove(token);
		IssuedToken grant = this.byRefreshToken.remove(token);
		if (grant != null) {
			this.byAccessToken.values().removeIf((t) -> token.equals(t.refreshToken()));
		}
	}

	/**
	 * When the identity last authorized a client anew (a login or consent), which renews
	 * the credentials Transfer holds for its tasks.
	 */
	public Optional<Instant> lastAuthorized(String identityId) {
		return Optional.ofNullable(this.lastAuthorized.get(identityId));
	}

	/**
	 * Revokes every token of one resource server an identity holds for a client, as
	 * revoking the consent they rest on does at Globus.
	 */
	public void revokeAll(String identityId, String clientId, String resourceServer) {
		java.util.function.Predicate<IssuedToken> theirs = (t) -> t.sub().equals(identityId)
				&& t.clientId().equals(clientId) && t.resourceServer().equals(resourceServer);
		this.byAccessToken.values().removeIf(theirs);
		this.byRefreshToken.values().removeIf(theirs);
	}

	/** Reads a bearer token from an Authorization header. */
	public Optional<IssuedToken> fromHeader(String authorization, String resourceServer) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.empty();
		}
		return findActive(authorization.substring(7).trim())
			.filter((token) -> token.resourceServer().equals(resourceServer));
	}

}
