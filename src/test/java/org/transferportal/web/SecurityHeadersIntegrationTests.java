package org.transferportal.web;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page carries the portal's web defences, and no form post works without its CSRF
 * token.
 */
class SecurityHeadersIntegrationTests extends FlowTestSupport {

	@Test
	void everyPageSendsTheSecurityHeaders() {
		PortalBrowser browser = newBrowser();
		assertHeaders(browser.get("/"), "/");
		assertHeaders(browser.get("/tasks"), "/tasks (redirect to login)");
		browser.login(PortalBrowser.LOGIN);
		UUID guest = this.globus.guestCollection();
		String task = UUID.randomUUID().toString();
		this.globus.stubTask(task);
		this.globus.stubSubmissionId(UUID.randomUUID().toString());
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/task_list"))
				.willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/task_list.json"))));
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/operation/endpoint/" + guest + "/ls"))
				.willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/ls.json"))));
		for (String page : new String[] { "/", "/transfer", "/tasks", "/tasks/" + task, "/files",
				"/files?a_collection=" + guest + "&a_path=/", "/browse", "/no-such-page" }) {
			MockHttpServletResponse response = browser.get(page);
			assertThat(response.getStatus()).as(page).isIn(200, 301, 404);
			assertHeaders(response, page);
		}
	}

	@ParameterizedTest(name = "POST {0}")
	@ValueSource(strings = { "/transfer", "/files/consent", "/files/mkdir", "/logout", "/tasks/abc/cancel" })
	void postsWithoutACsrfTokenAreRefused(String path) {
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		String session = browser.sessionId();
		MockHttpServletResponse response = browser.perform(MockMvcRequestBuilders.post(path)
			.param("collection", UUID.randomUUID().toString())
			.param("path", "/")
			.param("name", "x"));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(this.globus.posted("/v0.10/transfer")).isEmpty();
		assertThat(this.globus.postedForms("/v2/oauth2/token/revoke")).isEmpty();
		assertThat(browser.sessionId()).isEqualTo(session);
		assertThat(browser.isAuthorizeRedirect(browser.get("/tasks"))).as("still logged in").isFalse();
	}

	private static void assertHeaders(MockHttpServletResponse response, String page) {
		String csp = response.getHeader("Content-Security-Policy");
		assertThat(csp).as(page).isNotNull().doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
		assertThat(csp).contains("default-src 'self'", "script-src 'self'");
		assertThat(response.getHeader("X-Content-Type-Options")).as(page).isEqualTo("nosniff");
		assertThat(response.getHeader("Referrer-Policy")).as(page).isNotBlank();
		assertThat(response.getHeader("X-Frame-Options")).as(page).isEqualTo("DENY");
	}

}
