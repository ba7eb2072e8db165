package org.transferportal.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * A login callback whose code Globus says was already used ({@code invalid_grant}, as
 * when a load balancer replays the callback on a second instance) recovers by itself: one
 * fresh authorization request, back to the page or pending action; a second used code in
 * a row gets the plain message.
 */
class UsedCodeRetryIntegrationTests extends FlowTestSupport {

	@Test
	void aUsedCodeAtLoginStartsOneFreshRequestAndLandsOnThePageThatNeededTheLogin() {
		PortalBrowser browser = newBrowser();
		MockHttpServletResponse authorize = browser.open("/account");

		MockHttpServletResponse retry = callbackWithUsedCode(browser, authorize);

		assertThat(retry.getRedirectedUrl()).isEqualTo(PortalBrowser.LOGIN);
		MockHttpServletResponse again = browser.follow(retry);
		assertThat(browser.isAuthorizeRedirect(again)).isTrue();
		assertThat(FakeGlobus.query(again.getRedirectedUrl()).get("state"))
			.isNotEqualTo(FakeGlobus.query(authorize.getRedirectedUrl()).get("state"));
		MockHttpServletResponse page = browser.follow(browser.authorizeAndReturn(again));
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).contains("transfer.api.globus.org");
	}

	@Test
	void aSecondUsedCodeInARowGetsThePlainMessage() {
		PortalBrowser browser = newBrowser();
		MockHttpServletResponse retry = callbackWithUsedCode(browser, browser.open("/account"));
		MockHttpServletResponse again = browser.follow(retry);

		MockHttpServletResponse failed = callbackWithUsedCode(browser, again);

		assertThat(failed.getRedirectedUrl()).isEqualTo("/?login_error=invalid_grant");
		assertThat(content(browser.follow(failed))).contains("Logging in with Globus did not work (invalid_grant)");
	}

	@Test
	void aLoginThatSucceededLetsALaterUsedCodeBeRetriedAgain() {
		PortalBrowser browser = newBrowser();
		MockHttpServletResponse retry = callbackWithUsedCode(browser, browser.open("/account"));
		browser.follow(browser.authorizeAndReturn(browser.follow(retry)));

		MockHttpServletResponse later = callbackWithUsedCode(browser, browser.follow(browser.get(PortalBrowser.LOGIN)));

		assertThat(later.getRedirectedUrl()).isEqualTo(PortalBrowser.LOGIN);
	}

	@Test
	void aUsedCodeOnAConsentTripResumesThePendingTransfer() {
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		UUID mapped = this.globus.mappedCollection();
		UUID guest = this.globus.guestCollection();
		String submissionId = UUID.randomUUID().toString();
		String taskId = UUID.randomUUID().toString();
		this.globus.stubSubmissionId(submissionId);
		this.globus.stubTask(taskId);
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer"))
				.willReturn(FakeGlobus.json(202, FakeGlobus.submitResult("Accepted", submissionId, taskId))));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("source_collection", mapped.toString());
		form.put("source_path", "/data/");
		form.put("destination_collection", guest.toString());
		form.put("destination_path", "/in/");
		MockHttpServletResponse authorize = browser.follow(browser.post("/transfer", form));
		assertThat(browser.isAuthorizeRedirect(authorize)).isTrue();

		MockHttpServletResponse retry = callbackWithUsedCode(browser, authorize);

		assertThat(retry.getRedirectedUrl()).startsWith(PortalBrowser.LOGIN + "?pending=");
		MockHttpServletResponse again = browser.follow(retry);
		assertThat(FakeGlobus.query(again.getRedirectedUrl()).get("scope"))
			.contains(FakeGlobus.dataAccessScope(mapped).replace("openid profile email ", ""));
		MockHttpServletResponse back = browser.authorizeAndReturn(again);
		assertThat(back.getRedirectedUrl()).isEqualTo("/tasks/" + taskId);
		assertThat(this.globus.posted("/v0.10/transfer")).hasSize(1);
	}

	/**
	 * Globus's answer to a code that was exchanged already: the callback carries the
	 * right state, and the token endpoint says {@code invalid_grant}.
	 */
	private MockHttpServletResponse callbackWithUsedCode(PortalBrowser browser, MockHttpServletResponse authorize) {
		assertThat(browser.isAuthorizeRedirect(authorize)).as("at Globus Auth").isTrue();
		String code = "used-" + UUID.randomUUID();
		this.globus.server()
			.stubFor(post(urlEqualTo("/v2/oauth2/token")).withRequestBody(containing("code=" + code))
				.willReturn(FakeGlobus.json(401, FakeGlobus.body("auth/invalid_grant.json"))));
		String state = FakeGlobus.query(authorize.getRedirectedUrl()).get("state");
		return browser.callback("code=" + code + "&state=" + PortalBrowser.encode(state));
	}

}
