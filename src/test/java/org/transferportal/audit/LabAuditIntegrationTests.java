package org.transferportal.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
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
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.support.PortalBrowser.content;

/**
 * The lab audit and the admin pages: admins see everyone's submissions, members only
 * their own.
 */
class LabAuditIntegrationTests extends FlowTestSupport {

	@Autowired
	JdbcClient jdbc;

	PortalBrowser alice;

	PortalBrowser bob;

	PortalBrowser admin;

	UUID shared;

	String tag;

	@BeforeEach
	void threeUsersAndTheirSubmissions() {
		this.alice = newBrowser();
		this.alice.login(PortalBrowser.LOGIN);
		this.bob = newBrowser();
		this.bob.login(PortalBrowser.LOGIN);
		this.admin = newBrowser(ADMIN);
		this.admin.login(PortalBrowser.LOGIN);
		this.shared = UUID.randomUUID();
		this.tag = UUID.randomUUID().toString().substring(0, 8);
		record(this.alice, "alice-" + this.tag, this.shared, "2026-03-01T10:00:00Z");
		record(this.alice, "=HYPERLINK(\"http://evil\")-" + this.tag, UUID.randomUUID(), "2026-03-05T10:00:00Z");
		record(this.bob, "bob-" + this.tag, this.shared, "2026-03-10T10:00:00Z");
	}

	@Test
	void aMemberSeesOnlyTheirOwnSubmissionsWhateverTheFilterSays() {
		String page = content(this.alice.get("/lab/audit"));
		assertThat(page).contains("alice-" + this.tag).doesNotContain("bob-" + this.tag);
		String asking = content(this.alice.get("/lab/audit?user=" + this.bob.user().username()));
		assertThat(asking).doesNotContain("bob-" + this.tag);
		String csv = content(this.alice.get("/lab/audit.csv?collection=" + this.shared));
		assertThat(csv).contains("alice-" + this.tag).doesNotContain("bob-" + this.tag);
	}

	@Test
	void anAdminSeesEveryoneAndFiltersByUserCollectionAndDates() {
		assertThat(content(this.admin.get("/lab/audit"))).contains("alice-" + this.tag, "bob-" + this.tag);
		assertThat(content(this.admin.get("/lab/audit?user=" + this.bob.user().username()))).contains("bob-" + this.tag)
			.doesNotContain("alice-" + this.tag);
		assertThat(content(this.admin.get("/lab/audit?collection=" + this.shared))).contains("alice-" + this.tag)
			.contains("bob-" + this.tag)
			.doesNotContain("HYPERLINK");
		assertThat(content(this.admin.get("/lab/audit?from=2026-03-02&to=2026-03-10"))).contains("bob-" + this.tag)
			.contains("HYPERLINK")
			.doesNotContain("alice-" + this.tag);
		assertThat(content(this.admin.get("/lab/audit?collection=not-an-id"))).contains("No submissions match");
	}

	@Test
	void theCsvExportIsSafeToOpenInASpreadsheet() {
		MockHttpServletResponse csv = this.admin.get("/lab/audit.csv?user=" + this.alice.user().username());
		assertThat(csv.getStatus()).isEqualTo(200);
		assertThat(csv.getContentType()).startsWith("text/csv");
		assertThat(csv.getHeader("Content-Disposition")).contains("attachment").contains("transfer-audit.csv");
		String text = content(csv);
		assertThat(text).startsWith(AuditCsv.HEADER + "\r\n")
			.contains("\"'=HYPERLINK(\"\"http://evil\"\")-" + this.tag + "\"")
			.doesNotContain(",\"=HYPERLINK")
			.contains("\"alice-" + this.tag + "\"")
			.doesNotContain("bob-" + this.tag);
	}

	@Test
	void collectionsAreShownByTheNamesGlobusGivesThemInThePageAndBesideTheirIdsInTheCsv() {
		UUID named = this.globus.mappedCollection();
		UUID gone = UUID.randomUUID();
		record(this.alice, "named-" + this.tag, named, "2026-03-11T10:00:00.399349Z");
		record(this.alice, "gone-" + this.tag, gone, "2026-03-12T10:00:00Z");
		String name = "Collection " + named.toString().substring(0, 8);

		String page = content(this.alice.get("/lab/audit"));
		assertThat(page).contains("title=\"Collection id " + named + "\">" + name + "</span>")
			.contains("<code class=\"id\">" + gone + "</code>")
			.contains("<time datetime=\"2026-03-11T10:00:00Z\">2026-03-11 10:00:00 UTC</time>")
			.doesNotContain("399349");
		String csv = content(this.alice.get("/lab/audit.csv"));
		assertThat(csv).contains("\"" + named + "\",\"" + name + "\",").contains("\"" + gone + "\",,");
	}

	@Test
	void theHomePageListsTheUsersOwnRecentTransfersNewestFirstWithTheirCollectionsByName() {
		UUID named = this.globus.mappedCollection();
		record(this.alice, "home-newest-" + this.tag, named, "2026-03-20T10:00:00Z");
		String home = content(this.alice.get("/"));
		assertThat(home).contains("id=\"recent-transfers\"")
			.containsPattern("(?s)home-newest-" + this.tag + ".*alice-" + this.tag)
			.contains(">Collection " + named.toString().substring(0, 8) + "</span>")
			.doesNotContain("bob-" + this.tag);
		assertThat(content(this.bob.get("/"))).contains("bob-" + this.tag).doesNotContain("home-newest-" + this.tag);
	}

	@Test
	void onlyAdminsReachTheAdminPage() {
		assertThat(this.alice.get("/lab/admin").getStatus()).isEqualTo(403);
		MockHttpServletResponse page = this.admin.get("/lab/admin");
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).contains("globusid.org, uchicago.edu").contains(ADMIN);
	}

	@Test
	void aMemberCannotOpenOrSubmitAnotherMembersDraft() {
		String draft = record(this.bob, "bob-draft-" + this.tag, this.shared, null);
		MockHttpServletResponse open = this.alice.get("/transfer/drafts/" + draft);
		assertThat(open.getStatus()).isEqualTo(404);
		assertThat(content(open)).doesNotContain("bob-draft-" + this.tag);
		this.alice.post("/transfer", Map.of("form", "1", "draft", draft, "label", "stolen"));
		assertThat(this.globus.posted("/v0.10/transfer")).isEmpty();
		assertThat(this.jdbc.sql("select label from transfer_request where id = ?")
			.param(draft)
			.query(String.class)
			.single()).isEqualTo("bob-draft-" + this.tag);
	}

	@Test
	void onlyRequestsGlobusAcceptedAreAuditRecordsWithTheirLabelAndCollectionsAsChecked() {
		String taskId = UUID.randomUUID().toString();
		this.globus.stubSubmissionId(UUID.randomUUID().toString());
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer")).willReturn(
					FakeGlobus.json(202, FakeGlobus.submitResult("Accepted", UUID.randomUUID().toString(), taskId))));
		// A form that never becomes a transfer: its unchecked text is no record.
		Map<String, String> junk = PortalBrowser.transferForm(UUID.randomUUID(), "/a/", UUID.randomUUID(), "/b/");
		junk.put("source_collection", "=cmd|' /C calc'!A0");
		junk.put("label", "junk-" + this.tag + "\u0007");
		assertThat(this.alice.post("/transfer", junk).getStatus()).isEqualTo(422);
		// One Globus accepts, typed untidily: the record says what was sent.
		UUID source = UUID.randomUUID();
		Map<String, String> tidy = PortalBrowser.transferForm(source, "/a/", UUID.randomUUID(), "/b/");
		tidy.put("source_collection", "  " + source.toString().toUpperCase(Locale.ROOT) + " ");
		tidy.put("label", "  tidy-" + this.tag + "  ");
		assertThat(this.alice.post("/transfer", tidy).getRedirectedUrl()).isEqualTo("/tasks/" + taskId);

		String page = content(this.admin.get("/lab/audit?user=" + this.alice.user().username()));
		assertThat(page).contains("tidy-" + this.tag).doesNotContain("junk-" + this.tag);
		String csv = content(this.admin.get("/lab/audit.csv?user=" + this.alice.user().username()));
		assertThat(csv).contains("\"tidy-" + this.tag + "\",\"" + source + "\"")
			.doesNotContain("junk-" + this.tag)
			.doesNotContain("calc");
		assertThat(csv.lines().filter((line) -> line.contains("tidy-" + this.tag))).singleElement()
			.satisfies((line) -> assertThat(line).contains(taskId));
	}

	@Test
	void aMemberCannotSeeAnotherMembersTaskBecauseThePortalAsksGlobusWithTheirOwnToken() {
		String task = UUID.randomUUID().toString();
		String taskBody = FakeGlobus.body("transfer/task_active.json")
			.replace("b8872740-7edc-11ec-9f33-ed182a728dff", task)
			.replace("nightly sync", "alice-task-" + this.tag);
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/task/" + task))
				.withHeader("Authorization", equalTo("Bearer " + this.alice.tokens().transferAccess()))
				.willReturn(FakeGlobus.json(200, taskBody)));
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/task/" + task + "/event_list"))
				.withHeader("Authorization", equalTo("Bearer " + this.alice.tokens().transferAccess()))
				.willReturn(FakeGlobus.json(200, FakeGlobus.body("transfer/event_list.json"))));
		this.globus.server()
			.stubFor(get(urlPathMatching("/v0.10/task/" + task + ".*"))
				.withHeader("Authorization", equalTo("Bearer " + this.bob.tokens().transferAccess()))
				.willReturn(FakeGlobus.json(404, FakeGlobus.body("errors/not_found.json"))));
		assertThat(content(this.alice.get("/tasks/" + task))).contains("alice-task-" + this.tag);
		MockHttpServletResponse page = this.bob.get("/tasks/" + task);
		assertThat(content(page)).doesNotContain("alice-task-" + this.tag)
			.contains("Globus has no task with this id for you");
	}

	private String record(PortalBrowser owner, String label, UUID source, String submittedAt) {
		String id = UUID.randomUUID().toString();
		Timestamp when = (submittedAt != null) ? Timestamp.from(Instant.parse(submittedAt)) : null;
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql("""
				insert into transfer_request (id, subject, username, status, source_collection, destination_collection,
				  label, form_json, submission_id, task_id, consent_trips, created_at, updated_at, submitted_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")
			.params(id, owner.user().subject(), owner.user().username(), (when != null) ? "SUBMITTED" : "OPEN",
					source.toString(), UUID.randomUUID().toString(), label,
					"{\"label\":\"" + label.replace("\"", "\\\"") + "\"}", UUID.randomUUID().toString(),
					(when != null) ? UUID.randomUUID().toString() : null, (when != null) ? when : now,
					(when != null) ? when : now, when)
			.update();
		return id;
	}

}
