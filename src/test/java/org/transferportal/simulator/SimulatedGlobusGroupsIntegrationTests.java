package org.transferportal.simulator;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.simulator.SimulatedGlobusBrowser.TRANSFER_ALL;
import static org.transferportal.simulator.SimulatedGlobusBrowser.json;
import static org.transferportal.simulator.SimulatedGlobusBrowser.tokenFor;

/**
 * Contract tests of the simulated Globus Groups API over HTTP: the token Auth issues for
 * it, {@code GET /v2/groups/my_groups} in the Groups shape, and its bearer check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "simulator.enabled=true",
		"simulator.time-acceleration=40", "simulator.faults[0]=POST /delete:502:1" })
class SimulatedGlobusGroupsIntegrationTests {

	static final String GROUPS_SCOPE = "urn:globus:auth:scope:groups.api.globus.org:view_my_groups_and_memberships";

	static final String MY_GROUPS = "/simulator/groups/v2/groups/my_groups";

	static final String DEMO_LAB = "d6a7c1e4-2b3f-4c5d-8e9f-a0b1c2d3e4f5";

	static final String ARCHIVE = "313ce13e-b597-5858-ae13-29e46fea26e6";

	static final String VISITING_SCHOLARS = "4e8b2f6d-1a3c-4b5e-9d7f-6a8c0e2b4d6f";

	@LocalServerPort
	int port;

	@Autowired
	SimulatorProperties simulator;

	/** A login that asks for the Groups scope too; answers the whole token response. */
	JsonNode login(String identity) {
		return new SimulatedGlobusBrowser(this.port, this.simulator).login(identity,
				"openid profile email " + TRANSFER_ALL + " " + GROUPS_SCOPE, Map.of("access_type", "offline"));
	}

	String groupsToken(String identity) {
		return tokenFor(login(identity), "groups.api.globus.org").path("access_token").asString();
	}

	HttpResponse<String> myGroups(String query, String token) {
		return new SimulatedGlobusBrowser(this.port, this.simulator).get(MY_GROUPS + query, token);
	}

	static JsonNode group(JsonNode groups, String id) {
		for (JsonNode group : groups) {
			if (id.equals(group.path("id").asString())) {
				return group;
			}
		}
		throw new AssertionError("No group " + id + " in " + groups);
	}

	@Test
	void aLoginThatAsksForTheGroupsScopeGetsAGroupsTokenInOtherTokens() {
		JsonNode tokens = login("alice");

		assertThat(tokens.path("resource_server").asString()).isEqualTo("auth.globus.org");
		assertThat(tokens.path("other_tokens")).hasSize(2);
		JsonNode groups = tokenFor(tokens, "groups.api.globus.org");
		assertThat(groups.path("scope").asString()).isEqualTo(GROUPS_SCOPE);
		assertThat(groups.path("token_type").asString()).isEqualTo("Bearer");
		assertThat(groups.path("access_token").asString()).isNotBlank();
		assertThat(groups.path("refresh_token").asString()).isNotBlank();
		assertThat(groups.has("id_token")).isFalse();
		assertThat(tokenFor(tokens, "transfer.api.globus.org").path("scope").asString()).isEqualTo(TRANSFER_ALL);
	}

	@Test
	void theConsentPageNamesGlobusGroups() {
		SimulatedGlobusBrowser browser = new SimulatedGlobusBrowser(this.port, this.simulator);
		// Archive's data_access: a scope tree no other test has Carol consent to.
		browser.authorize(Map.of("scope", "openid " + GROUPS_SCOPE + " " + TRANSFER_ALL + "[*"
				+ SimulatedGlobusBrowser.dataAccess(ARCHIVE) + "]"));
		assertThat(browser.pressIdentity("carol").body()).contains("View your groups and your memberships in them");
	}

	@Test
	void myGroupsListsAliceAsAnActiveAdminOfTheDemoLabInTheGroupsShape() {
		HttpResponse<String> answer = myGroups("", groupsToken("alice"));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		JsonNode groups = json(answer);
		assertThat(groups.isArray()).isTrue();
		assertThat(groups).hasSize(1);
		JsonNode lab = group(groups, DEMO_LAB);
		assertThat(lab.path("name").asString()).isEqualTo("Demo Lab");
		assertThat(lab.path("group_type").asString()).isEqualTo("regular");
		assertThat(lab.path("parent_id").isNull()).isTrue();
		assertThat(lab.path("enforce_session").asBoolean()).isFalse();
		assertThat(lab.path("session_limit").asInt()).isEqualTo(28800);
		assertThat(lab.path("session_timeouts").isObject()).isTrue();
		assertThat(lab.path("policies").path("group_visibility").asString()).isEqualTo("private");
		assertThat(lab.has("description")).isTrue();
		assertThat(lab.path("subscription_id").isNull()).isTrue();
		assertThat(lab.path("subscription_info").isNull()).isTrue();
		JsonNode membership = lab.path("my_memberships").get(0);
		assertThat(lab.path("my_memberships")).hasSize(1);
		assertThat(membership.path("group_id").asString()).isEqualTo(DEMO_LAB);
		assertThat(membership.path("identity_id").asString()).isEqualTo("ae332d86-d274-11e5-b885-b31714a110e9");
		assertThat(membership.path("username").asString()).isEqualTo("alice@globusid.org");
		assertThat(membership.path("role").asString()).isEqualTo("admin");
		assertThat(membership.path("status").asString()).isEqualTo("active");
	}

	@Test
	void bobHasOneMembershipPerLinkedIdentityAndOneOfThemIsActive() {
		JsonNode lab = group(json(myGroups("", groupsToken("bob"))), DEMO_LAB);

		assertThat(lab.path("my_memberships")).hasSize(2);
		assertThat(lab.path("my_memberships").findValuesAsString("username")).containsExactly("bob@uchicago.edu",
				"bob@globusid.org");
		assertThat(lab.path("my_memberships").findValuesAsString("status")).containsExactly("active", "invited");
	}

	@Test
	void carolIsOnlyInvitedToTheDemoLabAndActiveElsewhere() {
		String token = groupsToken("carol");
		JsonNode groups = json(myGroups("", token));

		assertThat(groups.findValuesAsString("id")).containsExactlyInAnyOrder(DEMO_LAB, VISITING_SCHOLARS);
		assertThat(group(groups, DEMO_LAB).path("my_memberships").findValuesAsString("status"))
			.containsExactly("invited");
		assertThat(group(groups, VISITING_SCHOLARS).path("my_memberships").findValuesAsString("status"))
			.containsExactly("active");

		JsonNode active = json(myGroups("?statuses=active", token));
		assertThat(active.findValuesAsString("id")).containsExactly(VISITING_SCHOLARS);
		JsonNode invitedOrActive = json(myGroups("?statuses=invited,active", token));
		assertThat(invitedOrActive).hasSize(2);
	}

	@Test
	void myGroupsRefusesAMissingUnknownRevokedOrOtherResourceServersToken() {
		JsonNode tokens = login("alice");
		String transfer = tokenFor(tokens, "transfer.api.globus.org").path("access_token").asString();
		String auth = tokens.path("access_token").asString();
		JsonNode groups = tokenFor(tokens, "groups.api.globus.org");
		for (String token : new String[] { null, "AgNotAToken", transfer, auth }) {
			HttpResponse<String> answer = myGroups("", token);
			assertThat(answer.statusCode()).as("token %s", token).isEqualTo(401);
			assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer");
			assertThat(json(answer).path("detail").asString()).contains("groups.api.globus.org");
		}

		SimulatedGlobusBrowser browser = new SimulatedGlobusBrowser(this.port, this.simulator);
		assertThat(browser
			.postForm("/simulator/auth/v2/oauth2/token/revoke",
					Map.of("token", groups.path("refresh_token").asString()), this.simulatorClient())
			.statusCode()).isEqualTo(200);
		assertThat(myGroups("", groups.path("access_token").asString()).statusCode()).isEqualTo(401);
	}

	@Test
	void aGroupsTokenIsNotATransferToken() {
		String groups = groupsToken("bob");
		HttpResponse<String> answer = new SimulatedGlobusBrowser(this.port, this.simulator)
			.get("/simulator/transfer/v0.10/task_list", groups);
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(List.of(json(answer).path("code").asString())).containsExactly("ClientError.AuthenticationFailed");
	}

	String simulatorClient() {
		return new SimulatedGlobusBrowser(this.port, this.simulator).clientAuthorization();
	}

}
