package org.transferportal.auth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * The login gate of a lab portal: people outside the lab are refused after login and
 * their tokens are not kept.
 */
class LabGateIntegrationTests extends FlowTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	@Test
	void everyAdminPageIsMarkedForTheAdminCheckAsWellAsCoveredByTheUrlRule() {
		List<String> adminHandlers = this.handlers.getHandlerMethods()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().getPatternValues().stream().anyMatch((p) -> p.startsWith("/lab/admin")))
			.peek((entry) -> assertThat(LabAdminCheck.adminOnly(entry.getValue())).as(entry.getValue().toString())
				.isTrue())
			.map((entry) -> entry.getValue().getMethod().getName())
			.toList();
		assertThat(adminHandlers).as("the lab overview and the preset editor").contains("admin", "blank", "create");
	}

	@Test
	void anOutsidersRefusalLogsOutOfGlobusTooSoThatAnotherIdentityCanBeChosen() {
		PortalBrowser browser = newBrowser("eve@example.com");
		assertThat(content(browser.login("/transfer"))).contains("name=\"globus\" value=\"true\"");
	}

	@Test
	void anOutsiderIsShownAPlainRefusalWithALogOutButtonAndTheirTokensAreRevoked() {
		PortalBrowser browser = newBrowser("eve@example.com");
		MockHttpServletResponse page = browser.login("/transfer");
		assertThat(page.getStatus()).isEqualTo(403);
		assertThat(content(page)).contains("This portal is for members of")
			.contains("eve@example.com")
			.contains("action=\"/logout\"")
			.doesNotContain("Exception");
		FakeGlobus.Tokens tokens = browser.tokens();
		List<String> revoked = this.globus.postedForms("/v2/oauth2/token/revoke")
			.stream()
			.map((form) -> form.get("token"))
			.toList();
		assertThat(revoked).contains(tokens.authAccess(), tokens.authRefresh(), tokens.transferAccess(),
				tokens.transferRefresh());
		assertThat(this.jdbc.sql("select count(*) from user_token where subject = ?")
			.param(browser.user().subject())
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from remembered_consent where subject = ?")
			.param(browser.user().subject())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void anOutsiderReachesNoOtherPageAndCanLogOut() {
		PortalBrowser browser = newBrowser("eve@example.com");
		browser.login(PortalBrowser.LOGIN);
		for (String path : new String[] { "/", "/transfer", "/tasks", "/files", "/browse", "/account", "/lab/audit",
				"/lab/admin" }) {
			MockHttpServletResponse answer = browser.get(path);
			assertThat(answer.getRedirectedUrl()).as(path).isEqualTo("/refused");
		}
		assertThat(browser.post("/transfer", Map.of("form", "1")).getRedirectedUrl()).isEqualTo("/refused");
		assertThat(this.globus.posted("/v0.10/transfer")).isEmpty();
		assertThat(browser.post("/logout", Map.of()).getRedirectedUrl()).isEqualTo("/?signed_out");
		assertThat(browser.get("/").getStatus()).isEqualTo(200);
	}

	@Test
	void membersFromAnyAllowedDomainGetIn() {
		PortalBrowser browser = newBrowser("bob@uchicago.edu");
		browser.login(PortalBrowser.LOGIN);
		MockHttpServletResponse page = browser.get("/");
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).contains("Log out").doesNotContain("This portal is for members of");
		assertThat(browser.get("/refused").getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void withoutALabGroupTheLoginAsksNothingOfGlobusGroups() {
		PortalBrowser browser = newBrowser("bob@uchicago.edu");
		MockHttpServletResponse authorize = browser.open("/transfer");
		assertThat(FakeGlobus.query(authorize.getRedirectedUrl()).get("scope")).doesNotContain("groups.api.globus.org");
		MockHttpServletResponse page = browser.follow(browser.authorizeAndReturn(authorize));
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(browser.tokens().groupsAccess()).isNull();
		assertThat(this.globus.myGroupsCalls()).isZero();
	}

	@Test
	void theGateReadsTheLinkedIdentitiesOfTheLogin() {
		Map<String, Object> claims = Map.of("sub", "s", "preferred_username", "eve@example.com", "identity_set",
				List.of(Map.of("username", "eve@example.com"), Map.of("username", "eve@uchicago.edu")));
		DefaultOidcUser user = new DefaultOidcUser(List.of(),
				new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60), claims));
		assertThat(LabGate.usernames(user)).contains("eve@example.com", "eve@uchicago.edu");
	}

}
