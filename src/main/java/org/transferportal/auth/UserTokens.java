package org.transferportal.auth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.stereotype.Service;

import org.transferportal.globus.AccessTokenProvider;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusClients;
import org.transferportal.globus.GlobusException;
import org.transferportal.globus.GlobusScopes;
import org.transferportal.globus.GlobusUnauthorizedException;
import org.transferportal.globus.Scope;
import org.transferportal.globus.TokenResponse;

/**
 * Keeps every token Globus issues to a user, one per resource server, and hands them out
 * fresh.
 */
@Service
class UserTokens {

	private static final Log logger = LogFactory.getLog(UserTokens.class);

	private final UserTokenStore store;

	private final GlobusClients globus;

	private final AuthProperties properties;

	private final Clock clock;

	private final Executor background;

	/**
	 * @param background where superseded refresh tokens are revoked (Spring Boot's
	 * application task executor)
	 */
	UserTokens(UserTokenStore store, GlobusClients globus, AuthProperties properties, Clock clock,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) Executor background) {
		this.store = store;
		this.globus = globus;
		this.properties = properties;
		this.clock = clock;
		this.background = background;
	}

	/**
	 * Saves the tokens of a login, one per resource server. The Transfer token is marked
	 * with the dependent scopes the authorization asked for, since Globus does not list
	 * them. A refresh token the new answer replaces is revoked at Globus, in the
	 * background: the portal can no longer reach it, so it would otherwise stay valid for
	 * months.
	 */
	void saveLogin(String subject, OAuth2AccessTokenResponse response, Set<String> requestedScopes) {
		Set<String> dependents = transferDependents(requestedScopes);
		for (TokenAnswer.Token token : TokenAnswer.of(response, this.clock).tokens()) {
			Optional<StoredToken> previous = this.store.find(subject, token.resourceServer());
			this.store.save(new StoredToken(subject, token.resourceServer(), token.accessToken(), token.refreshToken(),
					token.expiresAt(), token.scope(),
					GlobusScopes.TRANSFER_RESOURCE_SERVER.equals(token.resourceServer()) ? dependents : Set.of()));
			previous.map(StoredToken::refreshToken)
				.filter((old) -> !old.equals(token.refreshToken()))
				.ifPresent((old) -> revokeSuperseded(token.resourceServer(), old));
		}
		if (this.store.find(subject, GlobusScopes.TRANSFER_RESOURCE_SERVER).isEmpty()) {
			logger.warn("Globus returned no Transfer token at login; Transfer calls will ask the user to log in again");
		}
	}

	/** Revokes a refresh token no longer kept, without holding up the login. */
	private void revokeSuperseded(String resourceServer, String refreshToken) {
		try {
			this.background.execute(() -> revokeAtGlobus(resourceServer, refreshToken));
		}
		catch (RejectedExecutionException ex) {
			logger.warn("Could not revoke a superseded " + resourceServer + " refresh token: no thread free to do it");
		}
	}

	/** The dependent scopes the user's current Transfer token was issued with. */
	Set<String> transferDependentScopes(String subject) {
		return this.store.find(subject, GlobusScopes.TRANSFER_RESOURCE_SERVER)
			.map(StoredToken::dependentScopes)
			.orElse(Set.of());
	}

	/**
	 * Whether the portal holds a token of the user for this resource server that was
	 * issued with this root scope.
	 */
	boolean holds(String subject, String resourceServer, String scope) {
		return this.store.find(subject, resourceServer)
			.map((token) -> token.scope() != null && List.of(token.scope().split("\\s+")).contains(scope))
			.orElse(false);
	}

	/** The tokens held for a user, for the page where they can see and revoke them. */
	List<StoredToken> tokens(String subject) {
		return this.store.findAll(subject);
	}

	/** A provider of the user's token for one resource server, refreshing as needed. */
	AccessTokenProvider provider(String subject, String resourceServer) {
		return new AccessTokenProvider() {

			private StoredToken current;

			@Override
			public String accessToken() {
				if (this.current == null) {
					this.current = UserTokens.this.store.find(subject, resourceServer)
						.orElseThrow(() -> loginAgain("The portal holds no " + resourceServer + " token for you"));
				}
				if (this.current.expiresWithin(UserTokens.this.properties.refreshAhead(),
						UserTokens.this.clock.instant())) {
					this.current = refresh(this.current);
				}
				return this.current.accessToken();
			}

			@Override
			public String refreshAccessToken() {
				StoredToken token = (this.current != null) ? this.current
						: UserTokens.this.store.find(subject, resourceServer)
							.orElseThrow(() -> loginAgain("The portal holds no " + resourceServer + " token for you"));
				this.current = refresh(token);
				return this.current.accessToken();
			}

		};
	}

	private StoredToken refresh(StoredToken token) {
		if (token.refreshToken() == null) {
			throw loginAgain("Your Globus session has expired");
		}
		TokenResponse answer;
		try {
			answer = this.globus.auth().refresh(token.refreshToken());
		}
		catch (GlobusUnauthorizedException ex) {
			return newerOrLoginAgain(token);
		}
		catch (GlobusApiException ex) {
			if (ex.status() == 400 || ex.status() == 401) {
				return newerOrLoginAgain(token);
			}
			throw ex;
		}
		TokenResponse fresh = answer.all()
			.stream()
			.filter((t) -> token.resourceServer().equals(t.resourceServer()))
			.findFirst()
			.orElse(answer);
		long lifetime = (fresh.expiresIn() != null) ? fresh.expiresIn() : 3600;
		StoredToken refreshed = new StoredToken(token.subject(), token.resourceServer(), fresh.accessToken(),
				(fresh.refreshToken() != null) ? fresh.refreshToken() : token.refreshToken(),
				this.clock.instant().plusSeconds(lifetime), (fresh.scope() != null) ? fresh.scope() : token.scope(),
				token.dependentScopes());
		this.store.save(refreshed);
		return refreshed;
	}

	/**
	 * The token a login stored after this one was read, if any (that login revoked the
	 * refresh token this one carried); otherwise the user must log in again.
	 */
	private StoredToken newerOrLoginAgain(StoredToken token) {
		return this.store.find(token.subject(), token.resourceServer())
			.filter((stored) -> stored.refreshToken() != null && !stored.refreshToken().equals(token.refreshToken()))
			.orElseThrow(() -> loginAgain("Globus no longer accepts your session"));
	}

	/** Revokes every token of the user at Globus, then forgets them. */
	void revokeAll(String subject) {
		for (StoredToken token : this.store.findAll(subject)) {
			revokeAtGlobus(token);
		}
		this.store.deleteAll(subject);
	}

	/** Revokes the user's tokens for one resource server at Globus, then forgets them. */
	void revoke(String subject, String resourceServer) {
		this.store.find(subject, resourceServer).ifPresent(this::revokeAtGlobus);
		this.store.delete(subject, resourceServer);
	}

	/**
	 * Revokes at Globus every token of a login answer the portal did not keep (a login
	 * that failed after Globus issued its tokens).
	 */
	void revokeUnkept(OAuth2AccessTokenResponse response) {
		for (TokenAnswer.Token token : TokenAnswer.of(response, this.clock).tokens()) {
			revokeAtGlobus(token.resourceServer(), token.values().toArray(String[]::new));
		}
	}

	private void revokeAtGlobus(StoredToken token) {
		revokeAtGlobus(token.resourceServer(), token.refreshToken(), token.accessToken());
	}

	private void revokeAtGlobus(String resourceServer, String... values) {
		for (String value : values) {
			if (value != null) {
				try {
					this.globus.auth().revoke(value);
				}
				catch (GlobusException ex) {
					logger.warn("Could not revoke a " + resourceServer + " token: " + ex.status() + " " + ex.code());
				}
			}
		}
	}

	/** The dependents of Transfer's root scope among requested scopes. */
	static Set<String> transferDependents(Set<String> requestedScopes) {
		List<Scope> parsed = new ArrayList<>();
		requestedScopes.forEach((s) -> parsed.addAll(Scope.parse(s)));
		Set<String> dependents = new LinkedHashSet<>();
		Scope.merge(parsed)
			.stream()
			.filter((s) -> GlobusScopes.TRANSFER.equals(s.name()))
			.flatMap((s) -> s.dependencies().stream())
			.forEach((d) -> dependents.add(d.name()));
		return dependents;
	}

	private static GlobusUnauthorizedException loginAgain(String message) {
		return new GlobusUnauthorizedException(401, "LoginRequired", message, null, null);
	}

}
