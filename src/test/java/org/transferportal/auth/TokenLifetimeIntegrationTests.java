package org.transferportal.auth;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long logins and tokens last (review L6): a login ends at its absolute lifetime
 * however active its user; the tokens of a user who stays away are revoked and dropped; a
 * revocation Globus does not confirm is tried again until it does.
 */
class TokenLifetimeIntegrationTests extends FlowTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdleTokens idleTokens;

	@Autowired
	RevocationRetries retries;

	@Autowired
	AuthProperties properties;

	@Test
	void aLoginOlderThanTheAbsoluteLifetimeEndsAtTheNextRequestAndGlobusIsAskedAgain() {
		PortalBrowser browser = newBrowser();
		this.globus.issueIdTokensAged(this.properties.absoluteSessionLifetime().plusMinutes(1));
		MockHttpServletResponse afterLogin = browser.login("/account");
		assertThat(browser.isAuthorizeRedirect(afterLogin)).as("sent to Globus Auth again").isTrue();
		String oldSession = browser.sessionId();

		this.globus.issueIdTokensAged(Duration.ZERO);
		MockHttpServletResponse back = browser.follow(browser.authorizeAndReturn(afterLogin));
		assertThat(back.getStatus()).isEqualTo(200);
		assertThat(PortalBrowser.content(back)).contains("transfer.api.globus.org");
		assertThat(browser.sessionId()).isNotEqualTo(oldSession);
	}

	@Test
	void aLoginJustYoungerThanTheAbsoluteLifetimeGoesOn() {
		PortalBrowser browser = newBrowser();
		this.globus.issueIdTokensAged(this.properties.absoluteSessionLifetime().minusMinutes(1));
		MockHttpServletResponse page = browser.login("/account");
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(PortalBrowser.content(page)).contains("transfer.api.globus.org");
	}

	@Test
	void theTokensOfAUserWhoStaysAwayAreRevokedAtGlobusAndDropped() {
		PortalBrowser away = newBrowser();
		away.login(PortalBrowser.LOGIN);
		PortalBrowser present = newBrowser();
		present.login(PortalBrowser.LOGIN);
		Instant longAgo = Instant.now().minus(this.properties.tokenIdleLifetime()).minus(Duration.ofDays(1));
		this.jdbc.sql("update user_token set last_used_at = ? where subject = ?")
			.params(Timestamp.from(longAgo), away.user().subject())
			.update();

		assertThat(this.idleTokens.dropIdle()).isEqualTo(3);
		this.retries.retryDue();

		assertThat(heldFor(away)).isZero();
		assertThat(heldFor(present)).isEqualTo(3);
		FakeGlobus.Tokens tokens = away.tokens();
		assertThat(revoked())
			.contains(tokens.authAccess(), tokens.authRefresh(), tokens.transferAccess(), tokens.transferRefresh())
			.doesNotContain(present.tokens().transferRefresh());
		assertThat(waiting()).isZero();
	}

	@Test
	void aRevocationGlobusFailsIsKeptAndTriedAgainUntilGlobusConfirmsIt() {
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		String refresh = browser.tokens().transferRefresh();
		this.globus.server()
			.stubFor(post(urlEqualTo("/v2/oauth2/token/revoke")).withRequestBody(containing(refresh))
				.willReturn(FakeGlobus.json(503, FakeGlobus.body("errors/service_unavailable.json"))));

		browser.post("/logout", Map.of());
		assertThat(waitingFor(refresh)).as("kept after Globus failed").isEqualTo(1);
		assertThat(heldFor(browser)).as("the portal no longer holds it").isZero();

		makeDue();
		this.retries.retryDue();
		assertThat(waitingFor(refresh)).as("still failing: kept").isEqualTo(1);

		this.globus.reset();
		makeDue();
		this.retries.retryDue();
		assertThat(waitingFor(refresh)).isZero();
		assertThat(revoked()).contains(refresh);
	}

	private int heldFor(PortalBrowser browser) {
		return this.jdbc.sql("select count(*) from user_token where subject = ?")
			.param(browser.user().subject())
			.query(Integer.class)
			.single();
	}

	private List<String> revoked() {
		return this.globus.postedForms("/v2/oauth2/token/revoke").stream().map((form) -> form.get("token")).toList();
	}

	private long waiting() {
		return this.jdbc.sql("select count(*) from token_revocation").query(Long.class).single();
	}

	/** How many queued revocations hold this token (decrypting each, as the job does). */
	private long waitingFor(String token) {
		TokenRevocations revocations = new TokenRevocations(this.jdbc, this.cipher);
		return revocations.due(Instant.now().plus(Duration.ofDays(365)), 1000)
			.stream()
			.filter((due) -> token.equals(due.token()))
			.count();
	}

	private void makeDue() {
		this.jdbc.sql("update token_revocation set next_attempt_at = ?")
			.param(Timestamp.from(Instant.now().minusSeconds(1)))
			.update();
	}

	@Autowired
	TokenCipher cipher;

}
