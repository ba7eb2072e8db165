package org.transferportal.auth;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pending action belongs to the user who started the trip, and is used once.
 */
class PendingActionIntegrationTests extends FlowTestSupport {

	@Test
	void aPendingActionOfAnotherUserIsIgnored() {
		PortalBrowser alice = newBrowser();
		alice.login(PortalBrowser.LOGIN);
		UUID mapped = this.globus.mappedCollection();
		MockHttpServletResponse start = alice.post("/files/consent", Map.of("collection", mapped.toString(), "path",
				"/projects/", "back", "/files?a_collection=" + mapped + "&a_path=/projects/"));
		String trip = start.getRedirectedUrl();
		assertThat(trip).startsWith(PortalBrowser.LOGIN + "?pending=");

		PortalBrowser mallory = newBrowser();
		mallory.login(PortalBrowser.LOGIN);
		MockHttpServletResponse authorize = mallory.open(trip);
		assertThat(mallory.isAuthorizeRedirect(authorize)).isTrue();
		Map<String, String> params = FakeGlobus.query(authorize.getRedirectedUrl());
		assertThat(params.get("scope")).as("no extra scopes")
			.isEqualTo("openid profile email " + FakeGlobus.TRANSFER_ALL);
		assertThat(params).doesNotContainKeys("prompt", "session_message");
		MockHttpServletResponse back = mallory.authorizeAndReturn(authorize);
		assertThat(back.getRedirectedUrl()).as("no resume of alice's action").isEqualTo("/");

		// Alice's own trip still works, once.
		MockHttpServletResponse own = alice.open(trip);
		assertThat(FakeGlobus.query(own.getRedirectedUrl()).get("scope")).contains(mapped.toString());
		assertThat(alice.authorizeAndReturn(own).getRedirectedUrl())
			.isEqualTo("/files?a_collection=" + mapped + "&a_path=/projects/");
		MockHttpServletResponse reused = alice.open(trip);
		assertThat(FakeGlobus.query(reused.getRedirectedUrl()).get("scope")).doesNotContain(mapped.toString());
	}

	@Test
	void aReplayedConsentCallbackDoesNotSubmitAgain() {
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		UUID mapped = this.globus.mappedCollection();
		UUID guest = this.globus.guestCollection();
		String task = UUID.randomUUID().toString();
		String submission = UUID.randomUUID().toString();
		this.globus.stubSubmissionId(submission);
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer"))
				.willReturn(FakeGlobus.json(202, FakeGlobus.submitResult("Accepted", submission, task))));
		Map<String, String> form = Map.of("form", "1", "source_collection", mapped.toString(), "source_path",
				"/~/a.txt", "destination_collection", guest.toString(), "destination_path", "/in/");
		MockHttpServletResponse authorize = browser.follow(browser.post("/transfer", form));
		Map<String, String> params = FakeGlobus.query(authorize.getRedirectedUrl());
		String code = "code-" + UUID.randomUUID();
		this.globus.stubLogin(browser.user(), code, params.get("nonce"), true, 172800);
		String callback = "code=" + code + "&state=" + PortalBrowser.encode(params.get("state"));
		assertThat(browser.callback(callback).getRedirectedUrl()).isEqualTo("/tasks/" + task);
		MockHttpServletResponse replay = browser.callback(callback);
		assertThat(replay.getRedirectedUrl()).as("already logged in: back to the start").isEqualTo("/");
		this.globus.server().verify(1, postRequestedFor(urlEqualTo("/v0.10/transfer")));
	}

}
