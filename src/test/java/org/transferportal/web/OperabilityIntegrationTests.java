package org.transferportal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
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

	@Autowired
	private PrometheusMeterRegistry prometheus;

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
	void globusCallsSubmissionsAndConsentTripsAreMeasured() {
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		submitThroughConsent(browser);
		String metrics = this.prometheus.scrape();
		assertThat(metrics)
			.contains("globus_requests_seconds_count{method=\"POST\",operation=\"transfer.submit_transfer\"")
			.contains("operation=\"transfer.get_endpoint\"")
			.contains("operation=\"transfer.get_submission_id\"")
			.contains("portal_transfer_submissions_total{outcome=\"submitted\"}")
			.contains("portal_transfer_submissions_total{outcome=\"needs_consent\"}")
			.contains("portal_consent_trips_total{kind=\"transfer\"");
	}

	@Test
	void aLoggedInMemberReadsNeitherPrometheusNorHealthComponentsOnThePortalPort() {
		PortalBrowser browser = newBrowser();
		browser.login(PortalBrowser.LOGIN);
		MockHttpServletResponse metrics = browser.get("/actuator/prometheus");
		assertThat(metrics.getStatus()).isEqualTo(403);
		assertThat(content(metrics)).doesNotContain("globus_requests");
		MockHttpServletResponse health = browser.get("/actuator/health");
		assertThat(health.getStatus()).isEqualTo(200);
		assertThat(content(health)).doesNotContain("\"db\"").doesNotContain("\"globus\"");
		assertThat(browser.get("/actuator/health/db").getStatus()).isEqualTo(403);
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
