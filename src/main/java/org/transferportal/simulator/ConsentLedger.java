package org.transferportal.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The consents identities have granted clients, per scope tree, as Globus Auth keeps
 * them: what simulated Transfer checks a dependent {@code data_access} scope against,
 * whatever the token's own request named, so that a consent given earlier counts and one
 * revoked counts no more.
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
public class ConsentLedger {

	/** identity + client + scope path ("/root/dependent") → consent. */
	private final Map<String, SimConsent> consents = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(142632);

	/** Whether every node of the scope trees was already consented. */
	public boolean allConsented(String identityId, String clientId, List<SimScope> scopes) {
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

	/** Whether the identity granted the client {@code dependent} under {@code root}. */
	public boolean hasDependent(String identityId, String clientId, String root, String dependent) {
		return this.consents.containsKey(key(identityId, clientId, "/" + root + "/" + dependent));
	}

	/**
	 * Whether the identity granted the client every scope along this path of a scope
	 * tree, root first (e.g. Timers, Transfer below it, a data_access below that).
	 */
	public boolean has(String identityId, String clientId, List<String> path) {
		return consentId(identityId, clientId, path).isPresent();
	}

	/**
	 * The id of the consent at the end of this path, if granted: a consent revoked and
	 * granted again gets a new id, as at Globus Auth.
	 */
	public java.util.Optional<Long> consentId(String identityId, String clientId, List<String> path) {
		SimConsent consent = this.consents.get(key(identityId, clientId, "/" + String.join("/", path)));
		return java.util.Optional.ofNullable(consent).map(SimConsent::id);
	}

	public synchronized void record(String identityId, String clientId, List<SimScope> scopes) {
		record(identityId, clientId, scopes, "", List.of());
	}

	private void record(String identityId, String clientId, List<SimScope> scopes, String parentPath,
			List<Long> parentIds) {
		for (SimScope scope : scopes) {
			String path = parentPath + "/" + scope.name();
			SimConsent consent = this.consents.computeIfAbsent(key(identityId, clientId, path), (k) -> {
				List<Long> ids = new ArrayList<>(parentIds);
				ids.add(this.ids.incrementAndGet());
				return new SimConsent(ids.get(ids.size() - 1), identityId, clientId, scope.name(), ids,
						scope.optional(), Instant.now());
			});
			record(identityId, clientId, scope.dependencies(), path, consent.dependencyPath());
		}
	}

	public List<SimConsent> consentsOf(String identityId) {
		return this.consents.values()
			.stream()
			.filter((c) -> c.identityId().equals(identityId))
			.sorted(Comparator.comparingLong(SimConsent::id))
			.toList();
	}

	/**
	 * Revokes one of the identity's consents and every consent below it.
	 * @return the consents revoked (empty when the id is not the identity's)
	 */
	public synchronized List<SimConsent> revoke(String identityId, long consentId) {
		List<SimConsent> revoked = new ArrayList<>();
		this.consents.values().removeIf((c) -> {
			boolean below = c.identityId().equals(identityId) && c.dependencyPath().contains(consentId);
			if (below) {
				revoked.add(c);
			}
			return below;
		});
		return revoked;
	}

	private static String key(String identityId, String clientId, String path) {
		return identityId + "|" + clientId + "|" + path;
	}

}
