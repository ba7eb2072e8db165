package org.transferportal.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

import org.transferportal.globus.Consent;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusClients;
import org.transferportal.globus.GlobusScopes;
import org.transferportal.globus.GlobusUnauthorizedException;

/**
 * The data_access scopes a user has granted this portal under Transfer, as Globus Auth
 * keeps them: consents belong to the identity at Globus, whichever browser, instance or
 * session gave them, and a user can revoke them there. Read from Auth's consents API with
 * the user's own {@code auth.globus.org} token.
 *
 * <p>
 * Answers are kept per user for a short while ({@code portal.auth.consent-cache-ttl}),
 * and only trusted for the scopes they grant: a scope that was missing is asked for
 * afresh every time, since it may have been granted a moment ago elsewhere (the way
 * Globus's SDK checks consents). A login forgets them. When Globus Auth cannot answer,
 * that is kept as long, so that callers fall back on what the portal remembers without
 * waiting for Auth on every click.
 */
@Component
class GrantedConsents {

	private static final Log logger = LogFactory.getLog(GrantedConsents.class);

	private final GlobusClients globus;

	private final UserTokens tokens;

	private final Clock clock;

	private final Duration ttl;

	private final Map<String, Known> known = new ConcurrentHashMap<>();

	GrantedConsents(GlobusClients globus, UserTokens tokens, Clock clock, AuthProperties properties) {
		this.globus = globus;
		this.tokens = tokens;
		this.clock = clock;
		this.ttl = properties.consentCacheTtl();
	}

	/**
	 * The data_access scopes the user has granted under Transfer, or empty when Globus
	 * Auth cannot say.
	 * @param needed the scopes the caller needs: a cached answer lacking one is not
	 * trusted
	 */
	Optional<Set<String>> dataAccess(String subject, Set<String> needed) {
		Known cached = recent(subject);
		if (cached != null && (cached.unavailable() || cached.granted().containsAll(needed))) {
			return Optional.ofNullable(cached.granted());
		}
		Set<String> granted = ask(subject);
		Instant now = this.clock.instant();
		this.known.values().removeIf((entry) -> entry.isOlderThan(now.minus(this.ttl)));
		this.known.put(subject, new Known(granted, now));
		return Optional.ofNullable(granted);
	}

	/**
	 * What Globus Auth said of the user's consents lately, if it was asked within the
	 * cache's time and answered.
	 */
	Optional<Set<String>> lastAnswer(String subject) {
		Known cached = recent(subject);
		return (cached != null) ? Optional.ofNullable(cached.granted()) : Optional.empty();
	}

	/**
	 * Every consent the user gave this portal, as Globus Auth lists them now (not cached:
	 * asked for before a timer is created or repaired, which is rare), or empty when Auth
	 * cannot say.
	 */
	Optional<java.util.List<Consent>> all(String subject) {
		try {
			return Optional.of(this.globus.auth()
				.consents(subject, this.tokens.provider(subject, GlobusScopes.AUTH_RESOURCE_SERVER)));
		}
		catch (GlobusUnauthorizedException | GlobusApiException ex) {
			logger.info("Globus Auth did not list a user's consents (" + ex.status() + " " + ex.code() + ")");
			return Optional.empty();
		}
	}

	/** Forgets what Globus Auth said of the user, e.g. after a login. */
	void forget(String subject) {
		this.known.remove(subject);
	}

	private Known recent(String subject) {
		Known cached = this.known.get(subject);
		return (cached != null && !cached.isOlderThan(this.clock.instant().minus(this.ttl))) ? cached : null;
	}

	/**
	 * The user's data_access consents at Globus Auth, or {@code null} if it cannot say.
	 */
	private Set<String> ask(String subject) {
		try {
			return Consent.dependentsOf(GlobusScopes.TRANSFER, this.globus.auth()
				.consents(subject, this.tokens.provider(subject, GlobusScopes.AUTH_RESOURCE_SERVER)));
		}
		catch (GlobusUnauthorizedException ex) {
			logger.info("Globus Auth refused to list a user's consents (" + ex.code() + "); using the portal's record");
			return null;
		}
		catch (GlobusApiException ex) {
			logger.info("Globus Auth did not list a user's consents (" + ex.status() + " " + ex.code()
					+ "); using the portal's record");
			return null;
		}
	}

	/**
	 * One answer of Globus Auth.
	 *
	 * @param granted the data_access scopes granted, or {@code null} when Auth could not
	 * say
	 * @param at when it was asked
	 */
	private record Known(Set<String> granted, Instant at) {

		boolean unavailable() {
			return this.granted == null;
		}

		boolean isOlderThan(Instant instant) {
			return this.at.isBefore(instant);
		}

	}

}
