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
 * The simulated collections, seeded from {@code simulator/collections.json}.
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
public class CollectionCatalog {

	private static final String DATA_ACCESS_PREFIX = "https://auth.globus.org/scopes/";

	private static final String DATA_ACCESS_SUFFIX = "/data_access";

	private static final String HTTPS_SUFFIX = "/https";

	private final Map<String, SimCollection> byId = new LinkedHashMap<>();

	public CollectionCatalog(IdentityDirectory identities) {
		for (JsonNode node : SimJson.resource("simulator/collections.json")) {
			String owner = text(node, "owner");
			String entityType = text(node, "entity_type");
			// A GCSv5 endpoint and its collections belong to the endpoint (its client
			// identity), not to a person.
			String ownerId = switch (entityType) {
				case "GCSv5_endpoint" -> node.get("id").asString();
				case "GCSv5_mapped_collection", "GCSv5_guest_collection" -> text(node, "endpoint_id");
				default -> identities.find(owner).orElseThrow().sub();
			};
			SimCollection collection = new SimCollection(node.get("id").asString(), text(node, "display_name"),
					entityType, node.path("high_assurance").asBoolean(false),
					node.path("non_functional").asBoolean(false),
					node.has("authentication_assurance_timeout") ? node.get("authentication_assurance_timeout").asInt()
							: null,
					text(node, "required_domain"), text(node, "description"), text(node, "organization"), owner,
					ownerId, strings(node.get("administrators")), strings(node.get("shared_with")),
					text(node, "keywords"), text(node, "gcs_host"), text(node, "host_endpoint_id"),
					node.path("https").asBoolean(false), text(node, "policy_id"), text(node, "storage_domain"),
					strings(node.get("read_only")),
					node.hasNonNull("quota_bytes") ? node.get("quota_bytes").asLong() : null,
					text(node, "pause_message"), node.path("public").asBoolean(true));
			this.byId.put(collection.id(), collection);
		}
	}

	public Optional<SimCollection> find(String id) {
		return Optional.ofNullable((id != null) ? this.byId.get(id.toLowerCase()) : null);
	}

	public List<SimCollection> all() {
		return List.copyOf(this.byId.values());
	}

	/** The high-assurance collection that enforces a session policy, if any does. */
	public Optional<SimCollection> byPolicy(String policyId) {
		return this.byId.values().stream().filter((c) -> policyId.equals(c.policyId())).findFirst();
	}

	/** The collection a {@code …/data_access} scope names, if the scope is one. */
	public static Optional<String> dataAccessCollectionId(String scopeName) {
		if (scopeName.startsWith(DATA_ACCESS_PREFIX) && scopeName.endsWith(DATA_ACCESS_SUFFIX)) {
			String id = scopeName.substring(DATA_ACCESS_PREFIX.length(),
					scopeName.length() - DATA_ACCESS_SUFFIX.length());
			return id.contains("/") ? Optional.empty() : Optional.of(id);
		}
		return Optional.empty();
	}

	/** The collection a {@code …/https} scope names, if the scope is one. */
	public static Optional<String> httpsCollectionId(String scopeName) {
		if (scopeName.startsWith(DATA_ACCESS_PREFIX) && scopeName.endsWith(HTTPS_SUFFIX)) {
			String id = scopeName.substring(DATA_ACCESS_PREFIX.length(), scopeName.length() - HTTPS_SUFFIX.length());
			return id.contains("/") ? Optional.empty() : Optional.of(id);
		}
		return Optional.empty();
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array != null) {
			array.forEach((value) -> values.add(value.asString()));
		}
		return values;
	}

}
