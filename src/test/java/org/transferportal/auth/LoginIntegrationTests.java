package org.transferportal.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * Logging in with Globus, keeping its tokens, refreshing and revoking them (issue 4).
 */
class LoginIntegrationTests extends FlowTestSupport {

	static final String TASK = "b8872740-7edc-11ec-9f33-ed182a728dff";

	@ParameterizedTest(name = "transfer token first in other_tokens: {0}")
	@ValueSource(booleans = { true, false })
	void firstLoginYieldsAWorkingTransferTokenWhateverTheOrderOfOtherTokens(boolean transferFirst) {
		PortalBrowser browser = newBrowser().transferFirst(transferFirst);
		this.globus.stubTask(TASK);
		MockHttpServletResponse page = browser.login("/tasks/" + TASK);
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).contains(TASK);
		this.globus.server()
			.verify(getRequestedFor(urlPathEqualTo("/v0.10/task/" + TASK)).withHeader("Authorization",
					equalTo("Bearer " + browser.tokens().transferAccess())));
		this.globus.server()
			.verify(0, getRequestedFor(urlPathEqualTo("/v0.10/task/" + TASK)).withHeader("Authorization",
					equalTo("Bearer " + browser.tokens().authAccess())));
	}

	@Test
	void theAuthorizeRequestCarriesPkceOfflineAccessAndOpenid() {
		PortalBrowser browser = newBrowser();
		MockHttpServletResponse authorize = browser.open("/tasks");
		assertThat(browser.isAuthorizeRedirect(authorize)).isTrue();
		Map<String, String> params = FakeGlobus.query(authorize.getRedirectedUrl());
		assertThat(params).containsEntry("response_type", "code")
			.containsEntry("client_id", FakeGlobus.CLIENT_ID)
			.containsEntry("code_challenge_method", "S256")
			.containsEntry("access_type", "offline")
			.containsEntry("redirect_uri", "http://localhost/login/oauth2/code/globus")
			.containsKeys("code_challenge", "state", "nonce");
		assertThat(params.get("scope")).isEqualTo("openid profile email " + FakeGlobus.TRANSFER_ALL);
	}

	@Test
	void anExpiredTokenIsRefreshedWithItsOwnRefreshTokenBeforeTheCall() {
		PortalBrowser browser = newBrowser().transferExpiresIn(30);
		this.globus.stubTask(TASK);
		browser.login(PortalBrowser.LOGIN);
		this.globus.stubRefresh(browser.tokens().transferRefresh(), "xfer-refreshed", "transfer.api.globus.org");
		MockHttpServletResponse page = browser.open("/tasks/" + TASK);
		assertThat(page.getStatus()).isEqualTo(200);
		List<Map<String, String>> refreshes = refreshes();
		assertThat(refreshes).hasSize(1);
		assertThat(refreshes.get(0)).containsEntry("refresh_token", browser.tokens().transferRefresh());
		this.globus.server()
			.verify(postRequestedFor(urlEqualTo("/v2/oauth2/token")).withHeader("Authorization",
					equalTo(basic(FakeGlobus.CLIENT_ID, FakeGlobus.CLIENT_SECRET))));
		this.globus.server()
			.verify(getRequestedFor(urlPathEqualTo("/v0.10/task/" + TASK)).withHeader("Authorization",
					equalTo("Bearer xfer-refreshed")));
		this.globus.server()
			.verify(0, getRequestedFor(urlPathEqualTo("/v0.10/task/" + TASK)).withHeader("Authorization",
					equalTo("Bearer " + browser.tokens().transferAccess())));
	}

	@Test
	void aTransfer401RefreshesOnceAndTheRetrySucceeds() {
		PortalBrowser browser = newBrowser();
		this.globus.stubTask(TASK);
		browser.login(PortalBrowser.LOGIN);
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/task/" + TASK))
				.withHeader("Authorization", equalTo("Bearer " + browser.tokens().transferAccess()))
				.atPriority(1)
				.willReturn(FakeGlobus.json(401, FakeGlobus.body("errors/authentication_failed.json"))));
		this.globus.stubRefresh(browser.tokens().transferRefresh(), "xfer-after-401", "transfer.api.globus.org");
		MockHttpServletResponse page = browser.open("/tasks/" + TASK);
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).contains(TASK);
		assertThat(refreshes()).hasSize(1);
		this.globus.server()
			.verify(1, getRequestedFor(urlPathEqualTo("/v0.10/task/" + TASK)).withHeader("Authorization",
					equalTo("Bearer xfer-after-401")));
	}

	@Test
	void aFailedRefreshSendsTheUserToLoginAndBackToTheSamePage() {
		PortalBrowser browser = newBrowser().transferExpiresIn(30);
		this.globus.stubTask(TASK);
		browser.login(PortalBrowser.LOGIN);
		this.globus.stubRefreshRefused(browser.tokens().transferRefresh());
		MockHttpServletResponse authorize = browser.open("/tasks/" + TASK);
		assertThat(browser.isAuthorizeRedirect(authorize)).as("sent to Globus Auth").isTrue();
		browser.transferExpiresIn(172800);
		MockHttpServletResponse back = browser.authorizeAndReturn(authorize);
		assertThat(back.getRedirectedUrl()).contains("/tasks/" + TASK);
		MockHttpServletResponse page = browser.follow(back);
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).contains(TASK);
	}

	@Test
	void logoutRevokesEveryTokenAndEndsTheSession() {
		PortalBrowser browser = newBrowser();
		browser.login("/tasks");
		String session = browser.sessionId();
		FakeGlobus.Tokens tokens = browser.tokens();
		MockHttpServletResponse out = browser.post("/logout", Map.of());
		assertThat(out.getRedirectedUrl()).isEqualTo("/?signed_out");
		List<String> revoked = this.globus.postedForms("/v2/oauth2/token/revoke")
			.stream()
			.map((form) -> form.get("token"))
			.toList();
		assertThat(revoked).contains(tokens.authAccess(), tokens.authRefresh(), tokens.transferAccess(),
				tokens.transferRefresh());
		this.globus.server()
			.verify(postRequestedFor(urlEqualTo("/v2/oauth2/token/revoke")).withHeader("Authorization",
					matching("Basic .+")));
		assertThat(browser.sessionId()).as("session cookie cleared").isNull();
		browser.useSession(session);
		assertThat(browser.isAuthorizeRedirect(browser.open("/tasks"))).as("the old session is gone").isTrue();
		browser.newSession();
		assertThat(browser.isAuthorizeRedirect(browser.open("/tasks"))).as("logged out").isTrue();
	}

	@Test
	void theLogoutPageOffersToLogOutOfGlobusToo() {
		PortalBrowser browser = newBrowser();
		browser.login("/tasks");
		assertThat(content(browser.get("/logout"))).contains("name=\"globus\" value=\"true\"")
			.contains("Log out of Globus too");
	}

	@Test
	void loggingOutOfGlobusTooRevokesTheTokensThenLeadsToGlobusAuthsLogoutWithAWayBack() {
		PortalBrowser browser = newBrowser();
		browser.login("/tasks");
		FakeGlobus.Tokens tokens = browser.tokens();

		MockHttpServletResponse out = browser.post("/logout", Map.of("globus", "true"));

		String url = out.getRedirectedUrl();
		assertThat(url).startsWith(this.globus.baseUrl() + "/v2/web/logout?");
		Map<String, String> params = FakeGlobus.query(url);
		assertThat(params).containsEntry("client_id", FakeGlobus.CLIENT_ID)
			.containsEntry("redirect_uri", "http://localhost/?signed_out")
			.containsKey("redirect_name");
		assertThat(this.globus.postedForms("/v2/oauth2/token/revoke").stream().map((form) -> form.get("token")))
			.contains(tokens.authRefresh(), tokens.transferRefresh());
		assertThat(browser.sessionId()).as("session cookie cleared").isNull();
	}

	@Test
	void aDeepLinkSurvivesLoginAndShowsThePrefilledForm() {
		PortalBrowser browser = newBrowser();
		this.globus.stubSubmissionId(UUID.randomUUID().toString());
		String source = UUID.randomUUID().toString();
		String destination = UUID.randomUUID().toString();
		String link = "/transfer?source_collection=" + source + "&source_path=%2F~%2Fdata%2Frun%201%2F"
				+ "&destination_collection=" + destination + "&destination_path=%2Fincoming%2F&label=nightly%20sync";
		MockHttpServletResponse page = browser.login(link);
		assertThat(page.getStatus()).isEqualTo(200);
		String html = content(page);
		assertThat(html).containsPattern(chosen("source_collection", source))
			.containsPattern(field("source_path", "/~/data/run 1/"))
			.containsPattern(chosen("destination_collection", destination))
			.containsPattern(field("destination_path", "/incoming/"))
			.containsPattern(field("label", "nightly sync"));
	}

	@Test
	void aTamperedStateIsRejectedWithoutLogin() {
		PortalBrowser browser = newBrowser();
		MockHttpServletResponse authorize = browser.open("/tasks");
		Map<String, String> params = FakeGlobus.query(authorize.getRedirectedUrl());
		this.globus.stubLogin(browser.user(), "code-x", params.get("nonce"), true, 172800);
		MockHttpServletResponse answer = browser.callback("code=code-x&state=" + params.get("state") + "tampered");
		assertThat(answer.getRedirectedUrl()).startsWith("/?login_error=");
		assertThat(this.globus.postedForms("/v2/oauth2/token")).isEmpty();
		assertThat(browser.isAuthorizeRedirect(browser.open("/tasks"))).as("still not logged in").isTrue();
	}

	@Test
	void aReplayedCallbackIsRejected() {
		PortalBrowser browser = newBrowser();
		MockHttpServletResponse authorize = browser.open("/tasks");
		Map<String, String> params = FakeGlobus.query(authorize.getRedirectedUrl());
		this.globus.stubLogin(browser.user(), "code-once", params.get("nonce"), true, 172800);
		String query = "code=code-once&state=" + PortalBrowser.encode(params.get("state"));
		assertThat(browser.callback(query).getRedirectedUrl()).contains("/tasks");
		// The same callback again, in this session (already logged in: back to the start,
		// nothing exchanged) and in another browser (an error).
		assertThat(browser.callback(query).getRedirectedUrl()).isEqualTo("/");
		browser.newSession();
		assertThat(browser.callback(query).getRedirectedUrl()).startsWith("/?login_error=");
		assertThat(this.globus.postedForms("/v2/oauth2/token")).hasSize(1);
		assertThat(browser.isAuthorizeRedirect(browser.open("/tasks"))).as("the replay did not log in").isTrue();
	}

	@Test
	void aSecondTabWhoseLoginLostTheRaceLandsLoggedInNotOnAnError() {
		PortalBrowser browser = newBrowser();
		MockHttpServletResponse first = browser.open("/tasks");
		MockHttpServletResponse second = browser.open("/files");
		// The second tab's request replaced the first's: the first tab's return fails,
		// the second logs in.
		MockHttpServletResponse back = browser.follow(browser.authorizeAndReturn(second));
		assertThat(back.getStatus()).isEqualTo(200);
		Map<String, String> params = FakeGlobus.query(first.getRedirectedUrl());
		this.globus.stubLogin(browser.user(), "code-late", params.get("nonce"), true, 172800);
		MockHttpServletResponse late = browser
			.callback("code=code-late&state=" + PortalBrowser.encode(params.get("state")));
		assertThat(late.getRedirectedUrl()).isEqualTo("/");
		assertThat(content(browser.follow(late))).doesNotContain("did not work").contains("Log out");
		assertThat(this.globus.postedForms("/v2/oauth2/token")).as("the stale code is never exchanged").hasSize(1);
	}

	/** The collection list with this collection chosen. */
	private static String chosen(String name, String value) {
		return "(?s)<select[^>]*name=\"" + name + "\"[^>]*>(?:(?!</select>).)*<option value=\""
				+ java.util.regex.Pattern.quote(value) + "\"[^>]*selected";
	}

	private static String field(String name, String value) {
		return "name=\"" + name + "\"[^>]*value=\"" + java.util.regex.Pattern.quote(value) + "\"";
	}

	private List<Map<String, String>> refreshes() {
		return this.globus.postedForms("/v2/oauth2/token")
			.stream()
			.filter((form) -> "refresh_token".equals(form.get("grant_type")))
			.toList();
	}

	private static String basic(String id, String secret) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((id + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
