package org.transferportal.tasks;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * A task id in a URL gives nobody access to someone else's task: the portal asks Globus
 * with the caller's own token, never another user's, and shows Globus's refusal plainly.
 */
class TaskAccessIntegrationTests extends FlowTestSupport {

	PortalBrowser alice;

	PortalBrowser bob;

	String task;

	@BeforeEach
	void aliceHasATaskGlobusHidesFromBob() {
		this.alice = newBrowser();
		this.alice.login(PortalBrowser.LOGIN);
		this.bob = newBrowser();
		this.bob.login(PortalBrowser.LOGIN);
		this.task = UUID.randomUUID().toString();
		String aliceToken = "Bearer " + this.alice.tokens().transferAccess();
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/task/" + this.task)).withHeader("Authorization", equalTo(aliceToken))
				.willReturn(FakeGlobus.json(200,
						FakeGlobus.body("transfer/task_active.json")
							.replace("b8872740-7edc-11ec-9f33-ed182a728dff", this.task)
							.replace("nightly sync", "alice's secret run"))));
		this.globus.server()
			.stubFor(post(urlPathEqualTo("/v0.10/task/" + this.task + "/cancel"))
				.withHeader("Authorization", equalTo(aliceToken))
				.willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/cancel_result.json"))));
		this.globus.server()
			.stubFor(get(urlPathMatching("/v0.10/task/" + this.task + ".*"))
				.withHeader("Authorization", equalTo("Bearer " + this.bob.tokens().transferAccess()))
				.willReturn(FakeGlobus.json(404, FakeGlobus.body("errors/not_found.json"))));
		this.globus.server()
			.stubFor(post(urlPathMatching("/v0.10/task/" + this.task + ".*"))
				.withHeader("Authorization", equalTo("Bearer " + this.bob.tokens().transferAccess()))
				.willReturn(FakeGlobus.json(404, FakeGlobus.body("errors/not_found.json"))));
	}

	@Test
	void anotherUsersProgressIsANotFoundInJson() {
		assertThat(content(this.alice.get("/tasks/" + this.task + "/progress"))).contains("\"status\"");
		MockHttpServletResponse progress = this.bob.get("/tasks/" + this.task + "/progress");
		assertThat(progress.getStatus()).isEqualTo(404);
		assertThat(progress.getContentType()).startsWith("application/json");
		assertThat(content(progress)).doesNotContain("alice's secret run");
	}

	@Test
	void anotherUsersCancelIsRefusedByGlobusAndNeverSentWithTheOwnersToken() {
		MockHttpServletResponse answer = this.bob.post("/tasks/" + this.task + "/cancel", java.util.Map.of());
		assertThat(answer.getStatus()).isEqualTo(404);
		assertThat(content(answer)).contains("<h1>Not found at Globus</h1>")
			.contains(">Log out<")
			.doesNotContain("alice's secret run");
		this.globus.server()
			.verify(0, postRequestedFor(urlPathEqualTo("/v0.10/task/" + this.task + "/cancel"))
				.withHeader("Authorization", equalTo("Bearer " + this.alice.tokens().transferAccess())));
		// The owner can.
		MockHttpServletResponse own = this.alice.post("/tasks/" + this.task + "/cancel", java.util.Map.of());
		assertThat(own.getRedirectedUrl()).isEqualTo("/tasks/" + this.task);
	}

	@Test
	void malformedTaskIdsNeverReachGlobus() {
		int before = this.globus.requests().size();
		assertThat(this.bob.get("/tasks/..%2F..%2Fendpoint%2Fx").getStatus()).isIn(400, 404);
		assertThat(this.bob.post("/tasks/not%20a%20task/cancel", java.util.Map.of()).getStatus()).isIn(400, 404);
		assertThat(this.globus.requests()).hasSize(before);
	}

}
