package org.transferportal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.DebugLogs;
import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * What operators rely on: metrics, health, and logs that never hold a token.
 */
@ExtendWith({ OutputCaptureExtension.class, DebugLogs.class })
class OperabilityIntegrationTests extends FlowTestSupport {

	@Test
	void aWholeFlowLogsNoTokenValue(CapturedOutput output) {
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		FakeGlobus.Tokens tokens = browser.tokens();
		String taskId = submitThroughConsent(browser);
		browser.open("/tasks/" + taskId);
		browser.post("/logout", Map.of());
		assertThat(output.getAll()).isNotEmpty()
			.doesNotContain(tokens.authAccess())
			.doesNotContain(tokens.authRefresh())
			.doesNotContain(tokens.transferAccess())
			.doesNotContain(tokens.transferRefresh());
	}

	@Test
	void globusCallsSubmissionsAndConsentTripsAreMeasured() throws Exception {
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		submitThroughConsent(browser);
		String metrics = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/actuator/prometheus"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(metrics).contains("globus_requests_seconds_count{method=\"POST\",operation=\"/v0.10/transfer\"")
			.contains("operation=\"/v0.10/endpoint/{id}\"")
			.contains("portal_transfer_submissions_total{outcome=\"submitted\"}")
			.contains("portal_transfer_submissions_total{outcome=\"needs_consent\"}")
			.contains("portal_consent_trips_total{kind=\"transfer\"");
	}

	@Test
	void healthShowsGlobusAndTheDatabaseWhileLivenessLeavesGlobusOut() throws Exception {
		MockHttpServletResponse health = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/actuator/health"))
			.andReturn()
			.getResponse();
		assertThat(health.getContentAsString()).contains("\"globus\"").contains("\"db\"");
		MockHttpServletResponse liveness = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/actuator/health/liveness"))
			.andReturn()
			.getResponse();
		assertThat(liveness.getStatus()).isEqualTo(200);
		assertThat(liveness.getContentAsString()).doesNotContain("globus");
	}

	private String submitThroughConsent(PortalBrowser browser) {
		return submitThroughConsent(this.globus, browser);
	}

	/** A submission through the consent round trip; the task id. */
	static String submitThroughConsent(FakeGlobus globus, PortalBrowser browser) {
		UUID mapped = globus.mappedCollection();
		UUID guest = globus.guestCollection();
		String submissionId = UUID.randomUUID().toString();
		String taskId = UUID.randomUUID().toString();
		globus.stubSubmissionId(submissionId);
		globus.stubTask(taskId);
		globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer"))
				.willReturn(FakeGlobus.json(202, FakeGlobus.submitResult("Accepted", submissionId, taskId))));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("source_collection", mapped.toString());
		form.put("source_path", "/data/");
		form.put("destination_collection", guest.toString());
		form.put("destination_path", "/in/");
		MockHttpServletResponse authorize = browser.follow(browser.post("/transfer", form));
		MockHttpServletResponse back = browser.authorizeAndReturn(authorize);
		assertThat(back.getRedirectedUrl()).isEqualTo("/tasks/" + taskId);
		assertThat(content(browser.follow(back))).contains(taskId);
		return taskId;
	}

}
