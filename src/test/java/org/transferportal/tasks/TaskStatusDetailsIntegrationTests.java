package org.transferportal.tasks;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * The task page explains in plain words what Globus says beyond the status word: a
 * running task that keeps meeting errors, and one an administrator cancelled.
 */
class TaskStatusDetailsIntegrationTests extends FlowTestSupport {

	private PortalBrowser user;

	private String task;

	@BeforeEach
	void logIn() {
		this.user = newBrowser();
		this.user.login(PortalBrowser.LOGIN);
		this.task = UUID.randomUUID().toString();
	}

	@Test
	void aRunningTaskThatMeetsErrorsSaysGlobusIsStillRetryingAndWhy() {
		stubTask("transfer/task_active_retrying.json");

		String page = content(this.user.get("/tasks/" + this.task));
		String progress = content(this.user.get("/tasks/" + this.task + "/progress"));

		assertThat(page).contains("id=\"task-note\" class=\"error\"")
			.contains(
					"Globus is still retrying: PERMISSION_DENIED (Permission denied on &#39;/share/restricted/a.csv&#39;")
			.contains("it gives up in about 2 h 3 min.");
		assertThat(progress).contains("\"note\":\"Globus is still retrying: PERMISSION_DENIED")
			.contains("\"noteIsProblem\":true");
	}

	@Test
	void aTaskAnAdministratorCancelledShowsTheirMessage() {
		stubTask("transfer/task_canceled_by_admin.json");

		String page = content(this.user.get("/tasks/" + this.task));

		assertThat(page).contains("An administrator of the source collection cancelled this transfer: "
				+ "\u201cStorage maintenance tonight; please resubmit tomorrow.\u201d");
	}

	@Test
	void aTaskThatIsFineHasNoNote() {
		stubTask("transfer/task_active.json");

		String page = content(this.user.get("/tasks/" + this.task));

		assertThat(page).contains("id=\"task-note\"").contains("hidden=\"hidden\"");
	}

	private void stubTask(String body) {
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/task/" + this.task)).willReturn(FakeGlobus.json(200,
					FakeGlobus.body(body).replace("b8872740-7edc-11ec-9f33-ed182a728dff", this.task))));
	}

}
