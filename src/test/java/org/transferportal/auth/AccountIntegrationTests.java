package org.transferportal.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * The page where users see and revoke what the portal holds for them.
 */
class AccountIntegrationTests extends FlowTestSupport {

	@Autowired
	JdbcClient jdbc;

	PortalBrowser browser;

	FakeGlobus.Tokens tokens;

	UUID collection;

	@BeforeEach
	void logInWithAConsent() {
		this.browser = newBrowser();
		this.browser.login(PortalBrowser.LOGIN);
		this.tokens = this.browser.tokens();
		this.collection = UUID.randomUUID();
		this.jdbc.sql("insert into remembered_consent (subject, scope, granted_at) values (?, ?, ?)")
			.params(this.browser.user().subject(), dataAccess(this.collection), Timestamp.from(Instant.now()))
			.update();
	}

	@Test
	void showsResourceServersScopesAndConsentsButNeverTokenValues() {
		MockHttpServletResponse page = this.browser.get("/account");
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).contains("transfer.api.globus.org", "auth.globus.org", "search.api.globus.org")
			.contains(FakeGlobus.TRANSFER_ALL)
			.contains(this.collection.toString())
			.doesNotContain(this.tokens.transferAccess(), this.tokens.transferRefresh(), this.tokens.authAccess(),
					this.tokens.authRefresh());
	}

	@Test
	void aRememberedConsentNamesItsCollectionAndEachScopeStandsOnItsOwn() {
		UUID named = this.globus.mappedCollection();
		this.jdbc.sql("insert into remembered_consent (subject, scope, granted_at) values (?, ?, ?)")
			.params(this.browser.user().subject(), dataAccess(named),
					Timestamp.from(Instant.parse("2026-03-01T10:00:00.25Z")))
			.update();
		String page = content(this.browser.get("/account"));
		assertThat(page)
			.contains("title=\"Collection id " + named + "\">Collection " + named.toString().substring(0, 8))
			.contains("<time datetime=\"2026-03-01T10:00:00Z\">2026-03-01 10:00:00 UTC</time>")
			.containsPattern("<li><code class=\"scope\">openid</code></li>\\s*<li><code class=\"scope\">");
	}

	@Test
	void revokingOneResourceServerRevokesItAtGlobusAndForgetsOnlyIt() {
		MockHttpServletResponse answer = this.browser.post("/account/tokens/revoke",
				Map.of("resource_server", "transfer.api.globus.org"));
		assertThat(answer.getRedirectedUrl()).isEqualTo("/account");
		assertThat(revoked()).containsExactlyInAnyOrder(this.tokens.transferAccess(), this.tokens.transferRefresh());
		assertThat(resourceServers()).containsExactly("auth.globus.org", "search.api.globus.org");
		assertThat(content(this.browser.follow(answer))).contains("Revoked at Globus and forgotten");
	}

	@Test
	void forgettingAConsentKeepsTheTokens() {
		this.browser.post("/account/consents/forget", Map.of("scope", dataAccess(this.collection)));
		assertThat(consents()).isZero();
		assertThat(revoked()).isEmpty();
		assertThat(resourceServers()).hasSize(3);
	}

	@Test
	void revokingEverythingLeavesNothingHeld() {
		MockHttpServletResponse answer = this.browser.post("/account/revoke-all", Map.of());
		assertThat(answer.getRedirectedUrl()).as(answer.getStatus() + content(answer)).isEqualTo("/account");
		assertThat(revoked()).contains(this.tokens.authAccess(), this.tokens.authRefresh(),
				this.tokens.transferAccess(), this.tokens.transferRefresh());
		assertThat(resourceServers()).isEmpty();
		assertThat(consents()).isZero();
		assertThat(content(this.browser.get("/account"))).contains("The portal holds no tokens for you")
			.contains("The portal remembers no consents for you");
	}

	@Test
	void oneUserCannotRevokeAnothersTokens() {
		PortalBrowser other = newBrowser();
		other.login(PortalBrowser.LOGIN);
		this.globus.reset();
		other.post("/account/revoke-all", Map.of());
		assertThat(revoked()).doesNotContain(this.tokens.transferAccess(), this.tokens.authAccess());
		assertThat(resourceServers()).hasSize(3);
		assertThat(consents()).isOne();
	}

	private List<String> revoked() {
		return this.globus.postedForms("/v2/oauth2/token/revoke").stream().map((form) -> form.get("token")).toList();
	}

	private List<String> resourceServers() {
		return this.jdbc.sql("select resource_server from user_token where subject = ? order by resource_server")
			.param(this.browser.user().subject())
			.query(String.class)
			.list();
	}

	private int consents() {
		return this.jdbc.sql("select count(*) from remembered_consent where subject = ?")
			.param(this.browser.user().subject())
			.query(Integer.class)
			.single();
	}

	private static String dataAccess(UUID collection) {
		return "https://auth.globus.org/scopes/" + collection + "/data_access";
	}

}
