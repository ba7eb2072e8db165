package org.transferportal.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.globus.AccessTokenProvider;
import org.transferportal.globus.GlobusScopes;
import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new login replaces the refresh tokens the portal kept for the user; the ones it
 * replaces are revoked at Globus rather than left valid for months, without holding up
 * the login.
 */
class SupersededTokensIntegrationTests extends FlowTestSupport {

	private static final String REVOKE = "/v2/oauth2/token/revoke";

	@Autowired
	UserTokens userTokens;

	@Test
	void aSecondLoginRevokesTheRefreshTokensItReplacesAndKeepsItsOwn() {
		FakeGlobus.User user = FakeGlobus.User.fresh();
		PortalBrowser first = new PortalBrowser(this.mvc, this.globus, user);
		first.login(PortalBrowser.LOGIN);
		FakeGlobus.Tokens old = first.tokens();
		assertThat(revoked()).isEmpty();

		PortalBrowser second = new PortalBrowser(this.mvc, this.globus, user);
		second.login(PortalBrowser.LOGIN);
		FakeGlobus.Tokens kept = second.tokens();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(revoked()).contains(old.transferRefresh(), old.authRefresh()));
		assertThat(revoked()).doesNotContain(kept.transferRefresh(), kept.authRefresh(), kept.transferAccess(),
				kept.authAccess());
	}

	@Test
	void aRevocationGlobusRefusesDoesNotStopTheLogin() {
		FakeGlobus.User user = FakeGlobus.User.fresh();
		new PortalBrowser(this.mvc, this.globus, user).login(PortalBrowser.LOGIN);
		this.globus.server()
			.stubFor(post(urlEqualTo(REVOKE))
				.willReturn(FakeGlobus.json(500, FakeGlobus.body("errors/internal_error.json"))));

		PortalBrowser again = new PortalBrowser(this.mvc, this.globus, user);
		MockHttpServletResponse page = again.login(PortalBrowser.LOGIN);

		assertThat(page.getStatus()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(revoked()).isNotEmpty());
	}

	@Test
	void aCallStillHoldingTheReplacedTokenGoesOnWithTheNewLoginsToken() {
		FakeGlobus.User user = FakeGlobus.User.fresh();
		PortalBrowser first = new PortalBrowser(this.mvc, this.globus, user);
		first.login(PortalBrowser.LOGIN);
		AccessTokenProvider inFlight = this.userTokens.provider(user.subject(), GlobusScopes.TRANSFER_RESOURCE_SERVER);
		assertThat(inFlight.accessToken()).isEqualTo(first.tokens().transferAccess());

		PortalBrowser second = new PortalBrowser(this.mvc, this.globus, user);
		second.login(PortalBrowser.LOGIN);
		// Globus revoked the first login's refresh token with it: refreshing it fails.
		this.globus.stubRefreshRefused(first.tokens().transferRefresh());

		assertThat(inFlight.refreshAccessToken()).isEqualTo(second.tokens().transferAccess());
	}

	private List<String> revoked() {
		return this.globus.postedForms(REVOKE).stream().map((Map<String, String> form) -> form.get("token")).toList();
	}

}
