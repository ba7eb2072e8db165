package org.transferportal.simulator.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.transferportal.simulator.LoginSession;
import org.transferportal.simulator.SimJson;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * In-memory state of the simulated Auth: browser sessions, pending authorizations and
 * authorization codes (consents are in the {@code ConsentLedger}).
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class AuthorizationStore {

	static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

	static final Duration PENDING_LIFETIME = Duration.ofHours(1);

	private final Map<String, LoginSession> browserSessions = new ConcurrentHashMap<>();

	/** Session cookie → the token forms of that session's own pages must carry. */
	private final Map<String, String> sessionFormTokens = new ConcurrentHashMap<>();

	private final Map<String, PendingAuthorization> pending = new ConcurrentHashMap<>();

	private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();

	void savePending(PendingAuthorization request) {
		Instant cutoff = Instant.now().minus(PENDING_LIFETIME);
		this.pending.values().removeIf((p) -> p.createdAt().isBefore(cutoff));
		this.pending.put(request.id(), request);
	}

	Optional<PendingAuthorization> findPending(String id, String formToken) {
		PendingAuthorization request = (id != null) ? this.pending.get(id) : null;
		if (request == null || (formToken != null && !constantTimeEquals(request.formToken(), formToken))) {
			return Optional.empty();
		}
		return Optional.of(request);
	}

	void removePending(String id) {
		this.pending.remove(id);
	}

	Optional<LoginSession> findSession(String cookie) {
		return Optional.ofNullable((cookie != null) ? this.browserSessions.get(cookie) : null);
	}

	String startSession(LoginSession session, String previousCookie) {
		endSession(previousCookie);
		String cookie = SimJson.randomString(40);
		this.browserSessions.put(cookie, session);
		this.sessionFormTokens.put(cookie, SimJson.randomString(32));
		return cookie;
	}

	void endSession(String cookie) {
		if (cookie != null) {
			this.browserSessions.remove(cookie);
			this.sessionFormTokens.remove(cookie);
		}
	}

	/** The form token of a browser session's own pages (e.g. its consents page). */
	Optional<String> sessionFormToken(String cookie) {
		return Optional.ofNullable((cookie != null) ? this.sessionFormTokens.get(cookie) : null);
	}

	boolean sessionFormTokenMatches(String cookie, String formToken) {
		return formToken != null
				&& sessionFormToken(cookie).map((expected) -> constantTimeEquals(expected, formToken)).orElse(false);
	}

	String issueCode(PendingAuthorization request, LoginSession session) {
		this.pending.remove(request.id());
		String code = SimJson.randomString(32);
		this.codes.put(code, new AuthorizationCode(code, request, session, Instant.now().plus(CODE_LIFETIME)));
		return code;
	}

	/** Takes a code out (single use); empty when unknown, used or expired. */
	Optional<AuthorizationCode> redeemCode(String code) {
		AuthorizationCode found = (code != null) ? this.codes.remove(code) : null;
		if (found == null || Instant.now().isAfter(found.expiresAt())) {
			return Optional.empty();
		}
		return Optional.of(found);
	}

	private static boolean constantTimeEquals(String a, String b) {
		return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
				b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
