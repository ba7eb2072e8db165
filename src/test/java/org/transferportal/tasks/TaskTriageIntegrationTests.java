package org.transferportal.tasks;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * The task page's "What went wrong" against Globus played by WireMock with Transfer's
 * bodies: the error events grouped while the task retries, a held task's way out (one
 * trip to Globus Auth that comes back to the task), a pause rule's message, the skipped
 * paths; and the progress poll's key that tells the script when to fetch the section.
 */
class TaskTriageIntegrationTests extends FlowTestSupport {

	/** The canned tasks' collections. */
	static final String SOURCE = "aa752cea-8222-5bc8-acd9-555b090c0ccb";

	static final String DESTINATION = "313ce13e-b597-5858-ae13-29e46fea26e6";

	private PortalBrowser user;

	private String task;

	@BeforeEach
	void logIn() {
		this.user = newBrowser();
		this.user.login(PortalBrowser.LOGIN);
		this.task = UUID.randomUUID().toString();
	}

	@Test
	void aRetryingTaskShowsWhatFailedAndWhyWhileItRuns() {
		stubTask("transfer/task_active_retrying.json");
		stub("/event_list", "transfer/event_list.json");
		this.globus.server()
			.stubFor(get(urlPathEqualTo(taskPath("/event_list"))).withQueryParam("filter", equalTo("is_error:1"))
				.willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/event_list_errors.json"))));
		stub("/successful_transfers", "transfer/successful_transfers_page2.json");

		String page = content(this.user.get("/tasks/" + this.task));
		String progress = content(this.user.get("/tasks/" + this.task + "/progress"));
		String section = content(this.user.get("/tasks/" + this.task + "/triage"));

		assertThat(page).contains("Still retrying: some paths keep failing")
			.contains("Permission denied")
			.contains("(2 errors: PERMISSION_DENIED)")
			.contains("<code>/projects/run42/locked.dat</code>")
			.contains("<code>/projects/run42/&lt;gone&gt; &amp; &quot;old&quot;.csv</code>")
			.contains("Endpoint or connection errors");
		this.globus.server()
			.verify(getRequestedFor(urlPathEqualTo(taskPath("/event_list")))
				.withQueryParam("filter", equalTo("is_error:1"))
				.withQueryParam("limit", equalTo(String.valueOf(TaskTriage.EVENTS_READ))));
		this.globus.server().verify(0, getRequestedFor(urlPathEqualTo(taskPath("/skipped_errors"))));
		assertThat(progress).contains("\"triageKey\":\"ACTIVE|PERMISSION_DENIED|3|0|0|false\"");
		assertThat(section).contains("id=\"triage\"").contains("/projects/run42/locked.dat").doesNotContain("<html");
	}

	@Test
	void aTaskHeldForARevokedConsentGetsItBackInOneTripThatReturnsToTheTask() {
		stubTask("transfer/task_inactive_consent.json");
		stub("/pause_info", "transfer/pause_info.json");
		this.globus.stubCollection(UUID.fromString(SOURCE), "GCSv5_guest_collection", false);
		this.globus.stubCollection(UUID.fromString(DESTINATION), "GCSv5_mapped_collection", false);

		String page = content(this.user.get("/tasks/" + this.task));
		assertThat(page).contains("Stopped: Globus holds this task")
			.contains("The data_access consent for collection &#39;Archive&#39; was revoked")
			.contains("id=\"triage-consent\"");

		MockHttpServletResponse authorize = this.user
			.follow(this.user.post("/tasks/" + this.task + "/access", Map.of("need", "consent")));
		assertThat(this.user.isAuthorizeRedirect(authorize)).isTrue();
		Map<String, String> params = FakeGlobus.query(authorize.getRedirectedUrl());
		assertThat(params.get("scope"))
			.isEqualTo(FakeGlobus.LOGIN_SCOPES + " " + FakeGlobus.dataAccessScope(UUID.fromString(DESTINATION)));
		assertThat(params).doesNotContainKey("prompt");
		MockHttpServletResponse back = this.user.follow(this.user.authorizeAndReturn(authorize));
		assertThat(content(back)).contains("id=\"task-id\">" + this.task + "<");
	}

	@Test
	void aTaskHeldForAHighAssuranceCollectionAsksForAFreshLoginWithTheCollectionsPolicy() {
		stubTask("transfer/task_inactive_credentials.json");
		stub("/pause_info", "transfer/pause_info.json");
		this.globus.stubCollection(UUID.fromString(SOURCE), "GCSv5_mapped_collection", true);
		this.globus.stubCollection(UUID.fromString(DESTINATION), "GCSv5_guest_collection", false);
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/operation/endpoint/" + SOURCE + "/ls"))
				.willReturn(FakeGlobus.json(403, FakeGlobus.body("errors/auth_policy_failed.json"))));

		assertThat(content(this.user.get("/tasks/" + this.task))).contains("id=\"triage-login\"");
		MockHttpServletResponse authorize = this.user
			.follow(this.user.post("/tasks/" + this.task + "/access", Map.of("need", "login")));

		Map<String, String> params = FakeGlobus.query(authorize.getRedirectedUrl());
		assertThat(params.get("prompt")).isEqualTo("login");
		assertThat(params.get("session_required_policies"))
			.isEqualTo("9d2a1c7e-3b7f-4e26-9d1b-6f2d5c1b0a11,c1f0e2b3-7a4d-4f51-8e2a-0b9c8d7e6f22");
	}

	@Test
	void aPausedTaskSaysWhoPausedItWithTheirMessageAndToWait() {
		stubTask("transfer/task_paused.json");
		stub("/pause_info", "transfer/pause_info.json");

		String page = content(this.user.get("/tasks/" + this.task));

		assertThat(page).contains("Paused: an administrator of one of its collections holds this task")
			.contains("Paused on <strong>Archive</strong><span>: “SDK Test Pause Rule”</span>")
			.contains("id=\"triage-wait\"")
			.doesNotContain("id=\"triage-consent\"");
	}

	@Test
	void aFinishedTaskListsThePathsItSkippedAndPagesThroughThem() {
		stubTask("transfer/task_succeeded_skipped.json");
		stub("/event_list", "transfer/event_list.json");
		stub("/successful_transfers", "transfer/successful_transfers_page2.json");
		this.globus.server()
			.stubFor(get(urlPathEqualTo(taskPath("/skipped_errors"))).withQueryParam("marker", absent())
				.willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/skipped_errors_page1.json"))));
		this.globus.server()
			.stubFor(get(urlPathEqualTo(taskPath("/skipped_errors"))).withQueryParam("marker", equalTo("1"))
				.willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/skipped_errors_page2.json"))));

		String first = content(this.user.get("/tasks/" + this.task));
		String second = content(this.user.get("/tasks/" + this.task + "?skipped=1"));

		assertThat(first).contains("Finished, but 2 paths were skipped")
			.contains("Skipped because of errors (2)")
			.contains("/~/no-such-file")
			.contains("href=\"/tasks/" + this.task + "?skipped=1#triage\"");
		assertThat(second).contains("/~/copy/locked-folder/").contains("(folder)").doesNotContain("/~/no-such-file");
	}

	private void stubTask(String body) {
		this.globus.server()
			.stubFor(get(urlPathEqualTo(taskPath(""))).willReturn(FakeGlobus.json(200,
					FakeGlobus.body(body).replace("b8872740-7edc-11ec-9f33-ed182a728dff", this.task))));
	}

	private void stub(String suffix, String body) {
		this.globus.server()
			.stubFor(get(urlPathEqualTo(taskPath(suffix))).willReturn(FakeGlobus.json(200, FakeGlobus.body(body))));
	}

	private String taskPath(String suffix) {
		return "/v0.10/task/" + this.task + suffix;
	}

}
