package org.transferportal.globus;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.transferportal.globus.GlobusFixtures.RecordingSleeper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.transferportal.globus.GlobusFixtures.json;

/**
 * Globus Groups' {@code my_groups} against WireMock, with bodies shaped like the Groups
 * API's (checked against globus-sdk-python's test data for {@code get_my_groups}).
 */
class GroupsClientTests {

	private static final UUID LAB = UUID.fromString("6c1bd5a2-94f3-4f0e-9b7d-2a8f3e1c5d70");

	private static final String MY_GROUPS = "/v2/groups/my_groups";

	@RegisterExtension
	static final GlobusServer server = new GlobusServer();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	private GroupsClient client() {
		return GlobusFixtures.clients(GlobusFixtures.properties(server), this.sleeper).groups();
	}

	private static Group lab(List<Group> groups) {
		return groups.stream().filter((g) -> LAB.equals(g.id())).findFirst().orElse(null);
	}

	@Test
	void myGroupsSendsTheGroupsTokenAndReadsEveryGroupWithItsMemberships() {
		server.stubFor(get(MY_GROUPS).willReturn(json(200, "groups/my_groups_member.json")));

		List<Group> groups = client().myGroups("AgGroupsTok123");

		// The base URL ends in a slash on purpose: no "//v2".
		server.verify(
				getRequestedFor(urlEqualTo(MY_GROUPS)).withHeader("Authorization", equalTo("Bearer AgGroupsTok123")));
		assertThat(groups).extracting(Group::name)
			.containsExactly("Kim Lab", "Kim Lab imaging core", "University Research Computing");
		Group lab = lab(groups);
		assertThat(lab.description()).isEqualTo("Everyone who works in the Kim lab");
		assertThat(lab.parentId()).isNull();
		assertThat(lab.groupType()).isEqualTo("regular");
		assertThat(lab.myMemberships()).singleElement().satisfies((membership) -> {
			assertThat(membership.groupId()).isEqualTo(LAB);
			assertThat(membership.identityId()).isEqualTo(UUID.fromString("ae332d86-d274-11e5-b885-b31714a110e9"));
			assertThat(membership.username()).isEqualTo("alice@globusid.org");
			assertThat(membership.role()).isEqualTo("member");
			assertThat(membership.status()).isEqualTo("active");
		});
		assertThat(lab.hasActiveMembership()).isTrue();
		assertThat(groups.get(1).parentId()).isEqualTo(LAB);
		assertThat(groups.get(1).myMemberships().get(0).role()).isEqualTo("admin");
		assertThat(groups.get(2).groupType()).isEqualTo("plus");
	}

	@Test
	void aUserOutsideTheGroupGetsOtherGroupsOnly() {
		server.stubFor(get(MY_GROUPS).willReturn(json(200, "groups/my_groups_not_member.json")));

		List<Group> groups = client().myGroups("AgGroupsTok123");

		assertThat(groups).hasSize(1);
		assertThat(lab(groups)).isNull();
	}

	@Test
	void anInvitationIsNotAnActiveMembership() {
		server.stubFor(get(MY_GROUPS).willReturn(json(200, "groups/my_groups_invited.json")));

		Group lab = lab(client().myGroups("AgGroupsTok123"));

		assertThat(lab.myMemberships()).extracting(GroupMembership::status).containsExactly("invited");
		assertThat(lab.hasActiveMembership()).isFalse();
	}

	@Test
	void oneActiveMembershipAmongSeveralLinkedIdentitiesIsEnough() {
		server.stubFor(get(MY_GROUPS).willReturn(json(200, "groups/my_groups_several_memberships.json")));

		Group lab = lab(client().myGroups("AgGroupsTok123"));

		assertThat(lab.myMemberships()).extracting(GroupMembership::username)
			.containsExactly("bob@globusid.org", "bob@uchicago.edu");
		assertThat(lab.myMemberships()).extracting(GroupMembership::isActive).containsExactly(false, true);
		assertThat(lab.hasActiveMembership()).isTrue();
	}

	@Test
	void noMembershipsAtAllReadsAsAnEmptyList() {
		server.stubFor(get(MY_GROUPS).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("[{\"id\": \"" + LAB + "\", \"name\": \"Kim Lab\"}, null]")));

		List<Group> groups = client().myGroups("AgGroupsTok123");

		assertThat(groups).singleElement().satisfies((group) -> {
			assertThat(group.myMemberships()).isEmpty();
			assertThat(group.hasActiveMembership()).isFalse();
		});
	}

	@Test
	void aRefusedTokenIsUnauthorizedAndNotRetried() {
		server.stubFor(get(MY_GROUPS).willReturn(json(401, "groups/error_unauthorized.json")));

		GlobusUnauthorizedException ex = catchThrowableOfType(GlobusUnauthorizedException.class,
				() -> client().myGroups("AgGroupsTokExpired"));

		assertThat(ex.status()).isEqualTo(401);
		assertThat(ex.getMessage()).isEqualTo("Could not validate the bearer token");
		server.verify(1, getRequestedFor(urlPathEqualTo(MY_GROUPS)));
		assertThat(this.sleeper.waits).isEmpty();
	}

	@Test
	void aServerErrorIsRetriedWithBackOffThenReported() {
		server.stubFor(get(MY_GROUPS).willReturn(json(503, "errors/service_unavailable.json")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client().myGroups("AgGroupsTok"));

		assertThat(ex.status()).isEqualTo(503);
		assertThat(ex.code()).isEqualTo("ServiceUnavailable");
		assertThat(ex).isNotInstanceOf(GlobusUnauthorizedException.class);
		// Once: a login waits on this call (see the next tests).
		server.verify(2, getRequestedFor(urlPathEqualTo(MY_GROUPS)));
		assertThat(this.sleeper.waits).hasSize(1);
	}

	@Test
	void aProxyPageThenASuccessReadsTheGroups() {
		server.stubFor(get(MY_GROUPS).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(502)
				.withHeader("Content-Type", "text/html")
				.withBody(GlobusFixtures.body("errors/bad_gateway.html")))
			.willSetStateTo("up"));
		server.stubFor(get(MY_GROUPS).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(json(200, "groups/my_groups_member.json")));

		assertThat(lab(client().myGroups("AgGroupsTok")).hasActiveMembership()).isTrue();
		assertThat(this.sleeper.waits).hasSize(1);
	}

	@Test
	void aTimeoutOrADroppedConnectionIsUnreachable() {
		GroupsClient slow = GlobusFixtures
			.clients(GlobusFixtures.properties(server, Duration.ofMillis(300), 0), this.sleeper)
			.groups();
		server.stubFor(get(MY_GROUPS).willReturn(json(200, "groups/my_groups_member.json").withFixedDelay(1500)));
		GlobusApiException timeout = catchThrowableOfType(GlobusApiException.class, () -> slow.myGroups("t"));
		assertThat(timeout.status()).isZero();
		assertThat(timeout.code()).isEqualTo("Unreachable");

		server.stubFor(get(MY_GROUPS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		GlobusApiException reset = catchThrowableOfType(GlobusApiException.class, () -> slow.myGroups("t"));
		assertThat(reset.code()).isEqualTo("Unreachable");
	}

	@Test
	void aLoginWaitsForGroupsAtMostFiveSecondsAnAttemptWhateverTheGeneralTimeout() {
		GroupsClient patient = GlobusFixtures
			.clients(GlobusFixtures.properties(server, Duration.ofSeconds(20), 0), this.sleeper)
			.groups();
		// Slower than the login's bound, faster than the general 20 s timeout.
		server.stubFor(get(MY_GROUPS).willReturn(json(200, "groups/my_groups_member.json").withFixedDelay(6000)));
		GlobusApiException timeout = catchThrowableOfType(GlobusApiException.class, () -> patient.myGroups("t"));
		assertThat(timeout.code()).isEqualTo("Unreachable");
	}

	@Test
	void anAnswerThatIsNoListOfGroupsIsUnexpected() {
		server.stubFor(get(MY_GROUPS).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"DATA\": []}")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client().myGroups("t"));

		assertThat(ex.code()).isEqualTo("UnexpectedResponse");
	}

}
