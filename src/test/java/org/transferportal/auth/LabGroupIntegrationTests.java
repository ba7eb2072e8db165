package org.transferportal.auth;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * A lab that admits the active members of a Globus group as well as its allowed domains
 * (globusid.org, uchicago.edu): membership is looked up once, at login, with the Groups
 * token of that login, and a login whose membership cannot be checked fails closed.
 */
@TestPropertySource(properties = "portal.lab.group=" + LabGroupIntegrationTests.LAB_GROUP)
class LabGroupIntegrationTests extends FlowTestSupport {

	/** The group of the canned {@code globus/groups/} bodies. */
	static final String LAB_GROUP = "6c1bd5a2-94f3-4f0e-9b7d-2a8f3e1c5d70";

	@Autowired
	JdbcClient jdbc;

	/** Logs in, with Groups answering this for the login's Groups token. */
	private MockHttpServletResponse loginWithGroups(PortalBrowser browser, String startUrl,
			ResponseDefinitionBuilder groups) {
		MockHttpServletResponse authorize = browser.open(startUrl);
		Map<String, String> params = FakeGlobus.query(authorize.getRedirectedUrl());
		assertThat(params.get("scope")).as("the login asks for Groups' scope").contains(FakeGlobus.GROUPS_SCOPE);
		// The Groups token is only known once the login is stubbed: answer any token,
		// then check which one was sent.
		this.globus.server().stubFor(get(urlPathEqualTo(FakeGlobus.MY_GROUPS)).willReturn(groups));
		return browser.follow(browser.authorizeAndReturn(authorize));
	}

	private static ResponseDefinitionBuilder groups(String cannedBody) {
		return FakeGlobus.json(200, FakeGlobus.body("groups/" + cannedBody));
	}

	private List<String> revoked() {
		return this.globus.postedForms("/v2/oauth2/token/revoke").stream().map((form) -> form.get("token")).toList();
	}

	private int storedTokens(PortalBrowser browser) {
		return this.jdbc.sql("select count(*) from user_token where subject = ?")
			.param(browser.user().subject())
			.query(Integer.class)
			.single();
	}

	@Test
	void anActiveGroupMemberFromADomainOutsideTheLabGetsInAndGroupsIsAskedOnceWithTheGroupsToken() {
		PortalBrowser browser = newBrowser("eve@example.com");
		MockHttpServletResponse page = loginWithGroups(browser, "/transfer", groups("my_groups_member.json"));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).doesNotContain("This portal is for members of");
		assertThat(this.globus.myGroupsCalls()).isEqualTo(1);
		assertThat(this.globus.requests()
			.stream()
			.filter((r) -> r.getUrl().startsWith(FakeGlobus.MY_GROUPS))
			.map((r) -> r.getHeader("Authorization"))).containsExactly("Bearer " + browser.tokens().groupsAccess());
		// Decided once: later pages do not ask Groups again.
		for (String path : new String[] { "/", "/transfer", "/account", "/lab/audit" }) {
			assertThat(browser.get(path).getStatus()).as(path).isEqualTo(200);
		}
		assertThat(browser.get("/refused").getRedirectedUrl()).isEqualTo("/");
		assertThat(this.globus.myGroupsCalls()).isEqualTo(1);
		assertThat(revoked()).isEmpty();
	}

	@Test
	void oneActiveMembershipAmongSeveralLinkedIdentitiesIsEnough() {
		PortalBrowser browser = newBrowser("bob@example.com");
		MockHttpServletResponse page = loginWithGroups(browser, PortalBrowser.LOGIN,
				groups("my_groups_several_memberships.json"));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).contains("Log out").doesNotContain("This portal is for members of");
	}

	@Test
	void aNonMemberFromADomainOutsideTheLabIsRefusedAndTheirTokensAreRevoked() {
		PortalBrowser browser = newBrowser("eve@example.com");
		MockHttpServletResponse page = loginWithGroups(browser, "/transfer", groups("my_groups_not_member.json"));

		assertThat(page.getStatus()).isEqualTo(403);
		assertThat(content(page)).contains("This portal is for members of")
			.contains("nor an active member of the lab")
			.contains("eve@example.com")
			.doesNotContain("Exception");
		assertThat(revoked()).contains(browser.tokens().groupsAccess(), browser.tokens().groupsRefresh(),
				browser.tokens().transferAccess(), browser.tokens().authAccess());
		assertThat(storedTokens(browser)).isZero();
		assertThat(browser.get("/tasks").getRedirectedUrl()).isEqualTo("/refused");
	}

	@Test
	void anInvitationNotYetAcceptedIsNotEnough() {
		PortalBrowser browser = newBrowser("carol@example.edu");
		MockHttpServletResponse page = loginWithGroups(browser, PortalBrowser.LOGIN, groups("my_groups_invited.json"));

		assertThat(page.getStatus()).isEqualTo(403);
		assertThat(content(page)).contains("This portal is for members of").contains("accept the invitation");
	}

	@Test
	void anAllowedDomainStillAdmitsWithoutAGroupMembershipAndWithoutAskingGroups() {
		PortalBrowser browser = newBrowser("bob@uchicago.edu");
		MockHttpServletResponse page = loginWithGroups(browser, PortalBrowser.LOGIN, FakeGlobus.json(200, "[]"));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).doesNotContain("This portal is for members of");
		assertThat(this.globus.myGroupsCalls()).isZero();
	}

	@Test
	void aGroupsOutageAtLoginShowsAPageSayingTheMembershipCouldNotBeCheckedAndLetsNobodyIn() {
		PortalBrowser browser = newBrowser("eve@example.com");
		MockHttpServletResponse page = loginWithGroups(browser, "/transfer",
				FakeGlobus.json(503, FakeGlobus.body("errors/service_unavailable.json")));

		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(content(page)).contains("Your lab membership could not be checked")
			.contains("Try again")
			.contains("href=\"/oauth2/authorization/globus\"")
			.doesNotContain("This portal is for members of")
			.doesNotContain("Exception")
			.doesNotContain("ServiceUnavailable");
		// Retried once before giving up: the user is waiting on this login.
		assertThat(this.globus.myGroupsCalls()).isEqualTo(2);
		// Not logged in: the tokens of this login are revoked and none is kept.
		assertThat(revoked()).contains(browser.tokens().authAccess(), browser.tokens().authRefresh(),
				browser.tokens().transferAccess(), browser.tokens().transferRefresh(), browser.tokens().groupsAccess(),
				browser.tokens().groupsRefresh());
		assertThat(storedTokens(browser)).isZero();
		assertThat(browser.isAuthorizeRedirect(browser.open("/transfer"))).as("not logged in").isTrue();
	}

	@Test
	void aDroppedConnectionToGroupsAlsoMeansTheMembershipCouldNotBeChecked() {
		PortalBrowser browser = newBrowser("eve@example.com");
		MockHttpServletResponse page = loginWithGroups(browser, PortalBrowser.LOGIN,
				aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(content(page)).contains("Your lab membership could not be checked");
		assertThat(browser.isAuthorizeRedirect(browser.open("/tasks"))).as("not logged in").isTrue();
	}

	@Test
	void usersFromAnAllowedDomainDoNotDependOnGroupsAndGetInDuringAnOutage() {
		PortalBrowser browser = newBrowser("bob@uchicago.edu");
		MockHttpServletResponse page = loginWithGroups(browser, PortalBrowser.LOGIN,
				aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).contains("Log out").doesNotContain("could not be checked");
		assertThat(this.globus.myGroupsCalls()).isZero();
	}

	@Test
	void aGroupsTokenThatGroupsRefusesAlsoMeansTheMembershipCouldNotBeChecked() {
		PortalBrowser browser = newBrowser("eve@example.com");
		MockHttpServletResponse page = loginWithGroups(browser, PortalBrowser.LOGIN,
				FakeGlobus.json(401, FakeGlobus.body("groups/error_unauthorized.json")));

		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(content(page)).contains("Your lab membership could not be checked");
		assertThat(this.globus.myGroupsCalls()).isEqualTo(1);
	}

	@Test
	void theAdminPageShowsTheGroupRule() {
		PortalBrowser browser = newBrowser(ADMIN);
		loginWithGroups(browser, PortalBrowser.LOGIN, FakeGlobus.json(200, "[]"));

		assertThat(content(browser.get("/lab/admin"))).contains("Active members of the Globus group")
			.contains(LAB_GROUP);
	}

}
