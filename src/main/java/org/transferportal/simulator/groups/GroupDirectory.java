package org.transferportal.simulator.groups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.transferportal.simulator.IdentityDirectory;
import org.transferportal.simulator.SimJson;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo groups, seeded from {@code simulator/groups.json}: "Demo Lab" with Alice and
 * Bob as active members and Carol invited.
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class GroupDirectory {

	private final List<SimGroup> groups = new ArrayList<>();

	GroupDirectory(IdentityDirectory identities) {
		for (JsonNode node : SimJson.resource("simulator/groups.json")) {
			List<SimGroup.Membership> memberships = new ArrayList<>();
			for (JsonNode membership : node.path("memberships")) {
				String username = membership.get("username").asString();
				String identityId = identities.find(username)
					.orElseThrow(() -> new IllegalStateException("simulator/groups.json names unknown " + username))
					.sub();
				memberships.add(new SimGroup.Membership(identityId, username, membership.get("role").asString(),
						membership.get("status").asString()));
			}
			Map<String, Object> policies = new LinkedHashMap<>();
			node.path("policies").properties().forEach((e) -> policies.put(e.getKey(), e.getValue().asString()));
			JsonNode parent = node.path("parent_id");
			this.groups.add(new SimGroup(node.get("id").asString(), node.get("name").asString(),
					node.path("description").asString(null), parent.isString() ? parent.asString() : null,
					node.path("group_type").asString("regular"), policies, List.copyOf(memberships)));
		}
	}

	/** Every group in which one of these identities has a membership, of any status. */
	List<SimGroup> groupsOf(List<String> identityIds) {
		return this.groups.stream()
			.filter((group) -> group.memberships().stream().anyMatch((m) -> identityIds.contains(m.identityId())))
			.toList();
	}

}
