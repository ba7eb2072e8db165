package org.transferportal.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * The lab history through the whole portal: transfers submitted with the form are found
 * by a fragment of a path, run again through a prefilled form, and recorded with their
 * figures by the background watcher; members see and run again only their own.
 */
class HistoryIntegrationTests extends FlowTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskStatusRefresher refresher;

	PortalBrowser alice;

	PortalBrowser bob;

	PortalBrowser admin;

	String tag;

	@BeforeEach
	void threeUsers() {
		this.alice = newBrowser();
		this.alice.login(PortalBrowser.LOGIN);
		this.bob = newBrowser();
		this.bob.login(PortalBrowser.LOGIN);
		this.admin = newBrowser(ADMIN);
		this.admin.login(PortalBrowser.LOGIN);
		this.tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aTransferIsFoundByAFragmentOfAPathInItsBatchAndItsOwnerRunsItAgainThroughThePrefilledForm() {
		UUID source = this.globus.guestCollection();
		UUID destination = this.globus.guestCollection();
		Map<String, String> form = PortalBrowser.transferForm(source, "/data/", destination, "/in/");
		form.put("label", "Nightly " + this.tag);
		form.put("manifest", "a.txt a.txt\nruns/Run-042-" + this.tag + "/ runs/042/ --recursive\n");
		form.put("sync_level", "3");
		String taskId = submit(this.alice, form);

		String page = content(this.alice.get("/history?q=" + ("run-042-" + this.tag).toUpperCase()));
		assertThat(page).contains("Nightly " + this.tag)
			.as("the item that matched, not the first")
			.contains("/data/runs/Run-042-" + this.tag + "/")
			.contains("and 1 more item")
			.contains("/tasks/" + taskId)
			.contains("not seen yet");
		String requestId = requestOf(taskId);
		assertThat(page).contains("/history/" + requestId + "/again");

		assertThat(this.alice.get("/history/" + requestId + "/again").getStatus())
			.as("a link cannot open a draft: it takes a post")
			.isEqualTo(405);
		MockHttpServletResponse again = this.alice.post("/history/" + requestId + "/again", Map.of());
		assertThat(again.getRedirectedUrl()).startsWith("/transfer/drafts/")
			.doesNotEndWith(requestId)
			.as("nothing submitted by opening it");
		assertThat(this.globus.posted("/v0.10/transfer")).hasSize(1);
		String draftPage = content(this.alice.get(again.getRedirectedUrl()));
		assertThat(draftPage).contains("Nightly " + this.tag)
			.contains("value=\"" + source + "\"")
			.contains("runs/Run-042-" + this.tag + "/ runs/042/ --recursive")
			.contains("<option value=\"3\" selected=\"selected\">");

		String newDraft = again.getRedirectedUrl().substring("/transfer/drafts/".length());
		form.put("draft", newDraft);
		String secondTask = submit(this.alice, form);
		assertThat(secondTask).isNotEqualTo(taskId);
		assertThat(this.globus.posted("/v0.10/transfer")).hasSize(2);
		assertThat(this.globus.posted("/v0.10/transfer").get(1).get("DATA"))
			.isEqualTo(this.globus.posted("/v0.10/transfer").get(0).get("DATA"));
	}

	@Test
	void aMemberSeesOnlyTheirOwnTransfersAndCannotRunAnotherMembersAgain() {
		String aliceTask = submit(this.alice, labelled("alice-" + this.tag));
		String bobTask = submit(this.bob, labelled("bob-" + this.tag));
		String aliceRequest = requestOf(aliceTask);

		assertThat(content(this.alice.get("/history?q=" + this.tag))).contains("alice-" + this.tag)
			.doesNotContain("bob-" + this.tag);
		assertThat(content(this.alice.get("/history?q=" + this.tag + "&user=" + this.bob.user().username())))
			.as("a member's user filter cannot widen the search")
			.contains("alice-" + this.tag)
			.doesNotContain("bob-" + this.tag);
		int bobsRequests = requestsOf(this.bob);
		MockHttpServletResponse stolen = this.bob.post("/history/" + aliceRequest + "/again", Map.of());
		assertThat(stolen.getStatus()).isEqualTo(404);
		assertThat(content(stolen)).doesNotContain("alice-" + this.tag);
		assertThat(requestsOf(this.bob)).as("no draft opened").isEqualTo(bobsRequests);
		assertThat(this.bob.post("/history/not-an-id/again", Map.of()).getStatus()).isEqualTo(404);

		String everyone = content(this.admin.get("/history?q=" + this.tag));
		assertThat(everyone).contains("alice-" + this.tag, "bob-" + this.tag, this.alice.user().username())
			.as("run again only for one's own transfers")
			.doesNotContain("/history/" + aliceRequest + "/again");
		assertThat(this.admin.post("/history/" + aliceRequest + "/again", Map.of()).getStatus()).isEqualTo(404);
		assertThat(content(this.admin.get("/history?q=" + this.tag + "&user=" + this.bob.user().username())))
			.contains("bob-" + this.tag)
			.doesNotContain("alice-" + this.tag)
			.contains("/tasks/" + bobTask);
	}

	@Test
	void searchInputThatCannotBeReadIsExplainedInThePageWithTheValuesKept() {
		MockHttpServletResponse page = this.alice
			.get("/history?q=%3Cscript%3E&collection=No%20such%20place&status=BOGUS&from=2026-13-01&to=2026-01-01");
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).contains("No lab collection is called “No such place”")
			.contains("Choose a status from the list")
			.contains("Give a date as YYYY-MM-DD")
			.contains("value=\"No such place\"")
			.contains("value=\"2026-13-01\"")
			.contains("value=\"&lt;script&gt;\"")
			.doesNotContain("<script>")
			.doesNotContain("history-results");
		assertThat(content(this.alice.get("/history?from=2026-02-01&to=2026-01-01")))
			.contains("The first day must not be after the last day");
		assertThat(content(this.alice.get("/history?q=nothing-" + this.tag))).contains("No transfers match");
	}

	@Test
	void theWatcherRecordsWhatAFinishedTaskMovedForTheHistoryAndTheUsagePage() {
		String taskId = submit(this.alice, labelled("watched-" + this.tag));
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/task/" + taskId))
				.withHeader("Authorization", equalTo("Bearer " + this.alice.tokens().transferAccess()))
				.willReturn(FakeGlobus.json(200,
						TaskDocuments.succeededBody(taskId)
							.replace("2023-12-18T16:50:01+00:00", "2019-06-03T09:00:00+00:00")
							.replace("2023-12-18T16:52:50+00:00", "2019-06-03T09:02:49+00:00"))));

		this.refresher.refreshDue();

		String history = content(this.alice.get("/history?q=watched-" + this.tag));
		assertThat(history).contains("SUCCEEDED").contains("1.0 MB in 1 file").contains("2 min 49 s");
		assertThat(content(this.alice.get("/history?q=watched-" + this.tag + "&status=SUCCEEDED")))
			.contains("watched-" + this.tag);
		String usage = content(this.alice.get("/lab/usage?from=2019-06-03&to=2019-06-09"));
		assertThat(usage).contains("Your usage").contains("2019-W23: 1.0 MB");
		assertThat(content(this.bob.get("/lab/usage?from=2019-06-03&to=2019-06-09")))
			.as("another member sees only their own")
			.doesNotContain("2019-W23: 1.0 MB");
		assertThat(content(this.admin.get("/lab/usage?from=2019-06-03&to=2019-06-09")))
			.contains(this.alice.user().username());
	}

	private Map<String, String> labelled(String label) {
		Map<String, String> form = PortalBrowser.transferForm(this.globus.guestCollection(), "/data/",
				this.globus.guestCollection(), "/in/");
		form.put("label", label);
		return form;
	}

	/** Submits through the form with a new task at Globus; the task id. */
	private String submit(PortalBrowser user, Map<String, String> form) {
		String taskId = UUID.randomUUID().toString();
		String submissionId = UUID.randomUUID().toString();
		this.globus.stubSubmissionId(submissionId);
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer"))
				.willReturn(FakeGlobus.json(202, FakeGlobus.submitResult("Accepted", submissionId, taskId))));
		assertThat(user.post("/transfer", form).getRedirectedUrl()).isEqualTo("/tasks/" + taskId);
		return taskId;
	}

	private String requestOf(String taskId) {
		return this.jdbc.sql("select id from transfer_request where task_id = ?")
			.param(taskId)
			.query(String.class)
			.single();
	}

	private int requestsOf(PortalBrowser user) {
		return this.jdbc.sql("select count(*) from transfer_request where subject = ?")
			.param(user.user().subject())
			.query(Integer.class)
			.single();
	}

	static List<String> lines(String text) {
		return List.of(text.split("\r\n"));
	}

}
