package org.transferportal.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo identities, seeded from {@code simulator/identities.json}.
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
public class IdentityDirectory {

	private final Map<String, SimIdentity> byId = new LinkedHashMap<>();

	public IdentityDirectory() {
		for (JsonNode node : SimJson.resource("simulator/identities.json")) {
			List<String> linked = new ArrayList<>();
			node.path("linked").forEach((l) -> linked.add(l.asString()));
			SimIdentity identity = new SimIdentity(node.get("sub").asString(), node.get("username").asString(),
					node.get("name").asString(), node.get("email").asString(), node.get("organization").asString(),
					node.get("identity_provider").asString(), node.get("identity_provider_display_name").asString(),
					linked);
			this.byId.put(identity.sub(), identity);
		}
	}

	/** The identities that can log in (linked-only identities are excluded). */
	public List<SimIdentity> loginIdentities() {
		List<SimIdentity> result = new ArrayList<>();
		for (SimIdentity identity : this.byId.values()) {
			boolean isLinkedOnly = this.byId.values()
				.stream()
				.anyMatch((other) -> other.linked().contains(identity.username()));
			if (!isLinkedOnly) {
				result.add(identity);
			}
		}
		return result;
	}

	public Optional<SimIdentity> find(String idOrUsername) {
		for (SimIdentity identity : this.byId.values()) {
			if (identity.sub().equals(idOrUsername) || identity.username().equalsIgnoreCase(idOrUsername)) {
				return Optional.of(identity);
			}
		}
		return Optional.empty();
	}

	/** The identity itself followed by its linked identities. */
	public List<SimIdentity> identitySet(SimIdentity identity) {
		List<SimIdentity> set = new ArrayList<>();
		set.add(identity);
		identity.linked().forEach((username) -> find(username).ifPresent(set::add));
		return set;
	}

}
