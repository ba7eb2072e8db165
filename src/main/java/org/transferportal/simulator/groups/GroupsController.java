package org.transferportal.simulator.groups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.transferportal.simulator.SimIdentity;
import org.transferportal.simulator.IdentityDirectory;
import org.transferportal.simulator.IssuedToken;
import org.transferportal.simulator.SimJson;
import org.transferportal.simulator.TokenStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated Globus Groups API: {@code GET /v2/groups/my_groups} for the holder of a
 * {@code groups.api.globus.org} token, in the shape of the real one (a JSON array of
 * groups, each with the caller's memberships, one per identity of the caller's identity
 * set).
 *
 * <p>
 * Without {@code statuses} every membership is listed, invitations included (what the
 * real service does by default is not documented in any fixture; listing more makes the
 * portal prove that it checks the status). With {@code statuses} (comma-separated or
 * repeated) only groups holding a membership of one of them are listed.
 */
@RestController
@RequestMapping("/simulator/groups/v2/groups")
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class GroupsController {

	private final TokenStore tokens;

	private final IdentityDirectory identities;

	private final GroupDirectory groups;

	GroupsController(TokenStore tokens, IdentityDirectory identities, GroupDirectory groups) {
		this.tokens = tokens;
		this.identities = identities;
		this.groups = groups;
	}

	@GetMapping("/my_groups")
	ResponseEntity<String> myGroups(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(name = "statuses", required = false) List<String> statuses) {
		Optional<IssuedToken> token = this.tokens.fromHeader(authorization, TokenStore.GROUPS);
		if (token.isEmpty()) {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			return SimJson.respond(401,
					SimJson.object("detail", "Token is not active, or is not a token for " + TokenStore.GROUPS),
					headers);
		}
		SimIdentity caller = this.identities.find(token.get().sub()).orElseThrow();
		List<String> identityIds = this.identities.identitySet(caller).stream().map(SimIdentity::sub).toList();
		List<String> wanted = (statuses != null)
				? statuses.stream().flatMap((s) -> Arrays.stream(s.split(","))).map(String::trim).toList() : null;
		List<Map<String, Object>> body = new ArrayList<>();
		for (SimGroup group : this.groups.groupsOf(identityIds)) {
			List<SimGroup.Membership> mine = group.memberships()
				.stream()
				.filter((m) -> identityIds.contains(m.identityId()))
				.toList();
			if (wanted == null || mine.stream().anyMatch((m) -> wanted.contains(m.status()))) {
				body.add(json(group, mine));
			}
		}
		return SimJson.respond(200, body);
	}

	private static Map<String, Object> json(SimGroup group, List<SimGroup.Membership> mine) {
		List<Map<String, Object>> memberships = mine.stream()
			.map((m) -> SimJson.object("group_id", group.id(), "identity_id", m.identityId(), "username", m.username(),
					"role", m.role(), "status", m.status()))
			.toList();
		return SimJson.object("name", group.name(), "id", group.id(), "description", group.description(), "parent_id",
				group.parentId(), "group_type", group.groupType(), "enforce_session", false, "session_limit", 28800,
				"session_timeouts", Map.of(), "my_memberships", memberships, "policies", group.policies(),
				"subscription_id", null, "subscription_info", null);
	}

}
