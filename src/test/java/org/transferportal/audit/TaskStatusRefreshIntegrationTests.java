package org.transferportal.audit;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * The lab audit's "current status": what the owner's own views show, and a background
 * refresh that asks Globus with each owner's tokens until the task has finished.
 */
class TaskStatusRefreshIntegrationTests extends FlowTestSupport {

	@Autowired
	TaskStatusRefresher refresher;

	@Autowired
	TaskStatuses statuses;

	@Autowired
	JdbcClient jdbc;

	PortalBrowser alice;

	PortalBrowser admin;

	String taskId;

	@BeforeEach
	void aliceSubmits() {
		this.alice = newBrowser();
		this.alice.login(PortalBrowser.LOGIN);
		this.admin = newBrowser(ADMIN);
		this.admin.login(PortalBrowser.LOGIN);
		this.taskId = UUID.randomUUID().toString();
		String submissionId = UUID.randomUUID().toString();
		this.globus.stubSubmissionId(submissionId);
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer"))
				.willReturn(FakeGlobus.json(202, FakeGlobus.submitResult("Accepted", submissionId, this.taskId))));
		Map<String, String> form = PortalBrowser.transferForm(this.globus.guestCollection(), "/data/",
				this.globus.guestCollection(), "/in/");
		assertThat(this.alice.post("/transfer", form).getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
	}

	@Test
	void theRefreshFollowsATaskWithTheOwnersTokenUntilItFinishes() throws InterruptedException {
		stubStatus("ACTIVE");
		this.refresher.refreshDue();
		assertThat(statusOf(this.taskId)).isEqualTo("ACTIVE");
		assertThat(content(this.admin.get("/lab/audit?user=" + this.alice.user().username()))).contains(">ACTIVE<");

		Thread.sleep(5);
		stubStatus("SUCCEEDED");
		this.refresher.refreshDue();
		assertThat(statusOf(this.taskId)).isEqualTo("SUCCEEDED");
		assertThat(content(this.admin.get("/lab/audit.csv?user=" + this.alice.user().username())))
			.contains("\"SUCCEEDED\"");

		Thread.sleep(5);
		int asked = askedAbout(this.taskId);
		this.refresher.refreshDue();
		assertThat(askedAbout(this.taskId)).as("a finished task is not asked about again").isEqualTo(asked);
	}

	@Test
	void theOwnersOwnViewsRecordWhatTheySaw() {
		this.globus.stubTask(this.taskId);
		this.alice.open("/tasks/" + this.taskId);
		assertThat(statusOf(this.taskId)).isEqualTo("ACTIVE");
		assertThat(askedWith(this.admin.tokens().transferAccess())).as("never with the admin's token").isZero();
	}

	@Test
	void theOwnersActivityListRecordsTheStatusOfEveryTaskOnIt() {
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/task_list"))
				.willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/task_list.json")
					.replace("6ea1a2bc-0e0c-11ee-a4cf-6dd1a6b6c1a2", this.taskId))));
		this.alice.open("/tasks");
		assertThat(statusOf(this.taskId)).isEqualTo("SUCCEEDED");
	}

	@Test
	void anotherUsersViewCannotWriteTheStatusOfTasksNotTheirs() {
		this.statuses.learned(this.admin.user().subject(), TaskDocuments.failed(this.taskId));
		assertThat(statusOf(this.taskId)).isNull();
	}

	@Test
	void anOwnerWhoLoggedOutIsSkippedQuietlyAndOnlyOneInstanceTakesEachCheck() {
		this.alice.post("/logout", Map.of());
		stubStatus("ACTIVE");
		this.refresher.refreshDue();
		assertThat(statusOf(this.taskId)).as("no token, no status").isNull();
		assertThat(checkedAt(this.taskId)).as("but the check is recorded, so it waits a round").isNotNull();

		TaskStatuses.Due due = new TaskStatuses.Due("none", "s", this.taskId, null);
		String request = this.jdbc.sql("select id from transfer_request where task_id = ?")
			.param(this.taskId)
			.query(String.class)
			.single();
		java.sql.Timestamp checked = this.jdbc.sql("select status_checked_at from transfer_request where id = ?")
			.param(request)
			.query(java.sql.Timestamp.class)
			.single();
		TaskStatuses.Due claimable = new TaskStatuses.Due(request, "s", this.taskId, checked);
		assertThat(this.statuses.claim(claimable)).isTrue();
		assertThat(this.statuses.claim(claimable)).as("a second instance with the same view loses").isFalse();
		assertThat(this.statuses.claim(due)).isFalse();
	}

	private void stubStatus(String status) {
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/task/" + this.taskId))
				.withHeader("Authorization", equalTo("Bearer " + this.alice.tokens().transferAccess()))
				.willReturn(FakeGlobus.json(200,
						FakeGlobus.body("transfer/task_active.json")
							.replace("b8872740-7edc-11ec-9f33-ed182a728dff", this.taskId)
							.replace("\"status\":\"ACTIVE\"", "\"status\":\"" + status + "\""))));
	}

	private int askedAbout(String task) {
		return this.globus.server()
			.countRequestsMatching(getRequestedFor(urlPathEqualTo("/v0.10/task/" + task)).build())
			.getCount();
	}

	private int askedWith(String token) {
		return this.globus.server()
			.countRequestsMatching(getRequestedFor(urlPathEqualTo("/v0.10/task/" + this.taskId))
				.withHeader("Authorization", equalTo("Bearer " + token))
				.build())
			.getCount();
	}

	private String statusOf(String task) {
		return (String) this.jdbc.sql("select task_status from transfer_request where task_id = ?")
			.param(task)
			.query()
			.singleRow()
			.get("TASK_STATUS");
	}

	private Object checkedAt(String task) {
		return this.jdbc.sql("select status_checked_at from transfer_request where task_id = ?")
			.param(task)
			.query()
			.singleRow()
			.get("STATUS_CHECKED_AT");
	}

}
