package org.transferportal.simulator.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.transferportal.simulator.LoginSession;
import org.transferportal.simulator.SimScope;
import org.transferportal.simulator.SimJson;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * In-memory state of the simulated Auth: browser sessions, pending authorizations,
 * authorization codes and remembered consents.
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class AuthorizationStore {

	static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

	static final Duration PENDING_LIFETIME = Duration.ofHours(1);

	private final Map<String, LoginSession> browserSessions = new ConcurrentHashMap<>();

	private final Map<String, PendingAuthorization> pending = new ConcurrentHashMap<>();

	private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();

	private final Map<String, ConsentRecord> consents = new ConcurrentHashMap<>();

	private final AtomicLong consentIds = new AtomicLong(142632);

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
		if (previousCookie != null) {
			this.browserSessions.remove(previousCookie);
		}
		String cookie = SimJson.randomString(40);
		this.browserSessions.put(cookie, session);
		return cookie;
	}

	void endSession(String cookie) {
		if (cookie != null) {
			this.browserSessions.remove(cookie);
		}
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

	/** Whether every node of the scope trees was already consented. */
	boolean allConsented(String identityId, String clientId, List<SimScope> scopes) {
		return allConsented(identityId, clientId, scopes, "");
	}

	private boolean allConsented(String identityId, String clientId, List<SimScope> scopes, String parentPath) {
		for (SimScope scope : scopes) {
			String path = parentPath + "/" + scope.name();
			if (!this.consents.containsKey(key(identityId, clientId, path))
					|| !allConsented(identityId, clientId, scope.dependencies(), path)) {
				return false;
			}
		}
		return true;
	}

	void recordConsents(String identityId, String clientId, List<SimScope> scopes) {
		record(identityId, clientId, scopes, "", List.of());
	}

	private void record(String identityId, String clientId, List<SimScope> scopes, String parentPath,
			List<Long> parentIds) {
		for (SimScope scope : scopes) {
			String path = parentPath + "/" + scope.name();
			ConsentRecord consent = this.consents.computeIfAbsent(key(identityId, clientId, path), (k) -> {
				long id = this.consentIds.incrementAndGet();
				List<Long> ids = new ArrayList<>(parentIds);
				ids.add(id);
				return new ConsentRecord(id, identityId, clientId, scope.name(), List.copyOf(ids), scope.optional(),
						Instant.now());
			});
			record(identityId, clientId, scope.dependencies(), path, consent.dependencyPath());
		}
	}

	List<ConsentRecord> consentsOf(String identityId) {
		return this.consents.values()
			.stream()
			.filter((c) -> c.identityId().equals(identityId))
			.sorted(Comparator.comparingLong(ConsentRecord::id))
			.toList();
	}

	private static String key(String identityId, String clientId, String path) {
		return identityId + "|" + clientId + "|" + path;
	}

	private static boolean constantTimeEquals(String a, String b) {
		return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
				b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
