package org.transferportal.transfer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.FlowTestSupport;
import org.transferportal.support.PortalBrowser;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.transferportal.support.PortalBrowser.content;

/**
 * Submitting transfers through the consent round trip, exactly once (issue 5).
 */
class TransferConsentIntegrationTests extends FlowTestSupport {

	static final String LOGIN = "openid profile email ";

	@Autowired
	JdbcClient jdbc;

	PortalBrowser browser;

	String submissionId;

	String taskId;

	@BeforeEach
	void logIn() {
		this.browser = newBrowser();
		this.browser.login(PortalBrowser.LOGIN);
		this.submissionId = UUID.randomUUID().toString();
		this.taskId = UUID.randomUUID().toString();
		this.globus.stubSubmissionId(this.submissionId);
		this.globus.stubTask(this.taskId);
	}

	@Test
	void aMappedCollectionSendsTheUserToGlobusBeforeSubmittingThenSubmitsOnceAndShowsTheTask() {
		UUID mapped = this.globus.mappedCollection();
		UUID guest = this.globus.guestCollection();
		acceptSubmissions();
		MockHttpServletResponse authorize = this.browser
			.follow(this.browser.post("/transfer", form(mapped, "/~/data/", guest, "/incoming/")));
		assertThat(this.browser.isAuthorizeRedirect(authorize)).as("sent to Globus Auth").isTrue();
		assertThat(scope(authorize)).isEqualTo(LOGIN + FakeGlobus.dataAccessScope(mapped));
		assertThat(submitted()).as("nothing submitted before consent").isEmpty();
		MockHttpServletResponse back = this.browser.authorizeAndReturn(authorize);
		assertThat(back.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		assertThat(content(this.browser.follow(back))).contains(this.taskId);
		assertThat(submitted()).hasSize(1);
		assertThat(submitted().get(0).path("submission_id").asString()).isEqualTo(this.submissionId);
		assertThat(submitted().get(0).path("source_endpoint").asString()).isEqualTo(mapped.toString());
	}

	@Test
	void aSuccessfulSubmissionIsRecordedWithItsTaskSubmissionIdAndConsentTrips() {
		UUID mapped = this.globus.mappedCollection();
		UUID guest = this.globus.guestCollection();
		acceptSubmissions();
		MockHttpServletResponse authorize = this.browser
			.follow(this.browser.post("/transfer", form(mapped, "/~/data/", guest, "/incoming/")));
		this.browser.authorizeAndReturn(authorize);
		Map<String, Object> record = this.jdbc
			.sql("select status, task_id, submission_id, consent_trips, source_collection, destination_collection"
					+ " from transfer_request where subject = ?")
			.param(this.browser.user().subject())
			.query()
			.singleRow();
		assertThat(record).containsEntry("STATUS", "SUBMITTED")
			.containsEntry("TASK_ID", this.taskId)
			.containsEntry("SUBMISSION_ID", this.submissionId)
			.containsEntry("CONSENT_TRIPS", 1)
			.containsEntry("SOURCE_COLLECTION", mapped.toString())
			.containsEntry("DESTINATION_COLLECTION", guest.toString());
	}

	@Test
	void twoMappedCollectionsNeedOneTripWithBothDependentsUnderOneRoot() {
		UUID source = this.globus.mappedCollection();
		UUID destination = this.globus.mappedCollection();
		acceptSubmissions();
		MockHttpServletResponse authorize = this.browser
			.follow(this.browser.post("/transfer", form(source, "/~/a.txt", destination, "/~/b/")));
		assertThat(scope(authorize)).isEqualTo(LOGIN + FakeGlobus.dataAccessScope(source, destination));
		MockHttpServletResponse back = this.browser.authorizeAndReturn(authorize);
		assertThat(back.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		assertThat(submitted()).hasSize(1);
	}

	@Test
	void consentRequiredFromTransferAsksForItsScopesAndResubmitsWithTheSameSubmissionId() {
		UUID source = this.globus.guestCollection();
		UUID destination = this.globus.guestCollection();
		UUID unknown = UUID.randomUUID();
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer")).inScenario("consent")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(FakeGlobus.json(403, FakeGlobus.consentRequired(unknown)))
				.willSetStateTo("consented"));
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer")).inScenario("consent")
				.whenScenarioStateIs("consented")
				.willReturn(accepted()));
		MockHttpServletResponse authorize = this.browser
			.follow(this.browser.post("/transfer", form(source, "/data/", destination, "/in/")));
		assertThat(this.browser.isAuthorizeRedirect(authorize)).isTrue();
		assertThat(scope(authorize)).isEqualTo(LOGIN + FakeGlobus.dataAccessScope(unknown));
		MockHttpServletResponse back = this.browser.authorizeAndReturn(authorize);
		assertThat(back.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		List<JsonNode> attempts = submitted();
		assertThat(attempts).hasSize(2);
		assertThat(attempts)
			.allSatisfy((body) -> assertThat(body.path("submission_id").asString()).isEqualTo(this.submissionId));
	}

	@Test
	void withoutCollectionDocumentsThePreflightStepsAsideAndTransferDecides() {
		// Ids Globus-shaped servers do not describe: GET /endpoint/{id} answers 404.
		UUID source = UUID.randomUUID();
		UUID destination = UUID.randomUUID();
		acceptSubmissions();
		MockHttpServletResponse answer = this.browser.post("/transfer", form(source, "/data/", destination, "/in/"));
		assertThat(answer.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		assertThat(submitted()).hasSize(1);
	}

	@Test
	void theClickWaitsForTheSubmissionIdFetchedWhenTheFormOpenedInsteadOfFetchingAnother() {
		UUID source = this.globus.guestCollection();
		UUID destination = this.globus.guestCollection();
		this.globus.server()
			.stubFor(get(urlPathEqualTo("/v0.10/submission_id")).willReturn(
					FakeGlobus.json(200, "{\"DATA_TYPE\":\"submission_id\",\"value\":\"" + this.submissionId + "\"}")
						.withFixedDelay(700)));
		acceptSubmissions();
		String page = content(this.browser.get("/transfer"));
		Matcher key = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(page);
		assertThat(key.find()).isTrue();
		Map<String, String> form = form(source, "/data/", destination, "/in/");
		form.put("key", key.group(1));
		MockHttpServletResponse answer = this.browser.post("/transfer", form);
		assertThat(answer.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		assertThat(this.globus.server().findAll(getRequestedFor(urlPathEqualTo("/v0.10/submission_id")))).hasSize(1);
		assertThat(submitted()).singleElement()
			.satisfies((body) -> assertThat(body.path("submission_id").asString()).isEqualTo(this.submissionId));
	}

	@Test
	void aDuplicateAnswerCountsAsSuccess() {
		UUID source = this.globus.guestCollection();
		UUID destination = this.globus.guestCollection();
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer")).willReturn(
					FakeGlobus.json(200, FakeGlobus.submitResult("Duplicate", this.submissionId, this.taskId))));
		MockHttpServletResponse answer = this.browser.post("/transfer", form(source, "/data/", destination, "/in/"));
		assertThat(answer.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
	}

	@Test
	void aDoubleSubmitOfOneDraftCreatesOneTask() {
		UUID source = this.globus.guestCollection();
		UUID destination = this.globus.guestCollection();
		acceptSubmissions();
		MockHttpServletResponse page = this.browser.get("/transfer");
		Matcher key = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(content(page));
		assertThat(key.find()).isTrue();
		Map<String, String> form = form(source, "/data/", destination, "/in/");
		form.put("key", key.group(1));
		MockHttpServletResponse first = this.browser.post("/transfer", form);
		MockHttpServletResponse second = this.browser.post("/transfer", form);
		assertThat(first.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		assertThat(second.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		assertThat(submitted()).hasSize(1);
	}

	@Test
	void aBadGatewayThenAcceptedMakesOneTaskWithOneSubmissionId() {
		UUID source = this.globus.guestCollection();
		UUID destination = this.globus.guestCollection();
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer")).inScenario("flaky")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(FakeGlobus.json(502, FakeGlobus.body("errors/internal_error.json")).withStatus(502))
				.willSetStateTo("up"));
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer")).inScenario("flaky")
				.whenScenarioStateIs("up")
				.willReturn(accepted()));
		MockHttpServletResponse answer = this.browser.post("/transfer", form(source, "/data/", destination, "/in/"));
		assertThat(answer.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		assertThat(submitted()).hasSize(2)
			.allSatisfy((body) -> assertThat(body.path("submission_id").asString()).isEqualTo(this.submissionId));
	}

	@Test
	void aTimedOutSubmissionIsRetriedWithTheSameSubmissionIdAndMakesOneTask() {
		UUID source = this.globus.guestCollection();
		UUID destination = this.globus.guestCollection();
		// FakeGlobus sets globus.timeout=3s: the first answer comes too late.
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer")).inScenario("slow")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(accepted().withFixedDelay(4500))
				.willSetStateTo("fast"));
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer")).inScenario("slow")
				.whenScenarioStateIs("fast")
				.willReturn(
						FakeGlobus.json(200, FakeGlobus.submitResult("Duplicate", this.submissionId, this.taskId))));
		MockHttpServletResponse answer = this.browser.post("/transfer", form(source, "/data/", destination, "/in/"));
		assertThat(answer.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		assertThat(submitted()).hasSize(2)
			.allSatisfy((body) -> assertThat(body.path("submission_id").asString()).isEqualTo(this.submissionId));
	}

	@Test
	void declinedConsentShowsTheFormAgainWithEverythingKeptAndSubmitsNothing() {
		UUID mapped = this.globus.mappedCollection();
		UUID guest = this.globus.guestCollection();
		acceptSubmissions();
		Map<String, String> form = form(mapped, "/~/data/", guest, "/incoming/");
		form.put("label", "keep me");
		form.put("sync_level", "3");
		form.put("preserve_timestamp", "true");
		MockHttpServletResponse authorize = this.browser.follow(this.browser.post("/transfer", form));
		String state = FakeGlobus.query(authorize.getRedirectedUrl()).get("state");
		MockHttpServletResponse back = this.browser
			.callback("error=access_denied&state=" + PortalBrowser.encode(state));
		assertThat(back.getRedirectedUrl()).matches("/transfer/drafts/[0-9a-f-]{36}\\?consent=access_denied");
		MockHttpServletResponse page = this.browser.follow(back);
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).contains("You declined the consent at Globus, so nothing was submitted")
			.containsPattern(chosen("source_collection", mapped.toString()))
			.containsPattern(field("source_path", "/~/data/"))
			.containsPattern(chosen("destination_collection", guest.toString()))
			.containsPattern(field("destination_path", "/incoming/"))
			.containsPattern(field("label", "keep me"))
			.containsPattern("<option value=\"3\" selected")
			.containsPattern("name=\"preserve_timestamp\" value=\"true\" checked");
		assertThat(submitted()).isEmpty();
	}

	@Test
	void anotherUsersDraftIsNotFoundAndCannotBeSubmitted() {
		UUID mapped = this.globus.mappedCollection();
		UUID guest = this.globus.guestCollection();
		MockHttpServletResponse authorize = this.browser
			.follow(this.browser.post("/transfer", form(mapped, "/~/data/", guest, "/incoming/")));
		String state = FakeGlobus.query(authorize.getRedirectedUrl()).get("state");
		String draftPath = this.browser.callback("error=access_denied&state=" + PortalBrowser.encode(state))
			.getRedirectedUrl()
			.replaceAll("\\?.*", "");
		PortalBrowser stranger = newBrowser();
		stranger.login(PortalBrowser.LOGIN);
		assertThat(stranger.get(draftPath).getStatus()).isEqualTo(404);
		Map<String, String> hijack = form(guest, "/a/", guest, "/b/");
		hijack.put("draft", draftPath.substring(draftPath.lastIndexOf('/') + 1));
		MockHttpServletResponse answer = stranger.post("/transfer", hijack);
		assertThat(answer.getStatus()).isEqualTo(422);
		assertThat(content(answer)).contains("not yours");
		assertThat(submitted()).isEmpty();
	}

	@Test
	void aSessionPolicyErrorAsksForTheDomainWithAFreshLogin() {
		UUID source = this.globus.guestCollection();
		UUID destination = this.globus.guestCollection();
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer")).willReturn(FakeGlobus.json(403,
					"{\"code\": \"AuthPolicyFailed\", \"message\": \"Failing collection authentication policy\","
							+ " \"request_id\": \"MSbPbMR9n\", \"resource\": \"/transfer\","
							+ " \"authorization_parameters\": {\"session_message\": \"Use your university login\","
							+ " \"session_required_single_domain\": [\"uchicago.edu\"]}}")));
		MockHttpServletResponse authorize = this.browser
			.follow(this.browser.post("/transfer", form(source, "/data/", destination, "/in/")));
		assertThat(this.browser.isAuthorizeRedirect(authorize)).isTrue();
		Map<String, String> params = FakeGlobus.query(authorize.getRedirectedUrl());
		assertThat(params).containsEntry("session_required_single_domain", "uchicago.edu")
			.containsEntry("prompt", "login")
			.containsEntry("session_message", "Use your university login");
		assertThat(params.get("scope")).isEqualTo(LOGIN + FakeGlobus.TRANSFER_ALL);
	}

	@Test
	void aSubmissionWhoseTokensGlobusNoLongerAcceptsLogsInAgainAndThenSubmitsOnce() {
		PortalBrowser expiring = newBrowser().transferExpiresIn(30);
		expiring.login(PortalBrowser.LOGIN);
		this.globus.stubRefreshRefused(expiring.tokens().transferRefresh());
		UUID source = this.globus.guestCollection();
		UUID destination = this.globus.guestCollection();
		acceptSubmissions();
		MockHttpServletResponse authorize = expiring
			.follow(expiring.post("/transfer", form(source, "/data/", destination, "/in/")));
		assertThat(expiring.isAuthorizeRedirect(authorize))
			.as("sent to log in again, got %s %s", authorize.getStatus(), content(authorize))
			.isTrue();
		assertThat(submitted()).isEmpty();
		expiring.transferExpiresIn(172800);
		MockHttpServletResponse back = expiring.authorizeAndReturn(authorize);
		assertThat(back.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		assertThat(submitted()).hasSize(1);
	}

	@Test
	void anUploadedBatchFileBecomesTheItemsOfTheTransfer() {
		UUID source = this.globus.guestCollection();
		UUID destination = this.globus.guestCollection();
		acceptSubmissions();
		MockHttpServletResponse answer = this.browser.perform(upload(form(source, "/runs/", destination, "/copy/"),
				"# nightly\nrun1.csv run1.csv\nraw/ raw/ --recursive\n".getBytes()));
		assertThat(answer.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		JsonNode items = submitted().get(0).path("DATA");
		assertThat(items).hasSize(2);
		assertThat(items.get(0).path("source_path").asString()).isEqualTo("/runs/run1.csv");
		assertThat(items.get(1).path("destination_path").asString()).isEqualTo("/copy/raw/");
		assertThat(items.get(1).path("recursive").asBoolean()).isTrue();
		assertThat(items.get(0).has("recursive")).as("a line without --recursive leaves it to Transfer").isFalse();
	}

	@Test
	void aCliBatchSaysFolderOrFileOnlyWhereItsLinesDoAndLeavesTheRestToTransfer() {
		UUID source = this.globus.guestCollection();
		UUID destination = this.globus.guestCollection();
		acceptSubmissions();
		Map<String, String> form = form(source, "/data/", destination, "/archive/");
		form.put("manifest", "/data/run1 /archive/run1\nrun2 run2 -r\nnotes.txt notes.txt --no-recursive\n");
		form.put("delete_destination_extra", "true");
		MockHttpServletResponse asked = this.browser.post("/transfer", form);
		assertThat(asked.getStatus()).as("deleting needs a confirmation first").isEqualTo(422);
		Matcher confirmation = Pattern.compile("name=\"confirm_delete\" id=\"confirm_delete\" value=\"([0-9a-f]+)\"")
			.matcher(content(asked));
		assertThat(confirmation.find()).isTrue();
		form.put("confirm_delete", confirmation.group(1));
		assertThat(this.browser.post("/transfer", form).getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		JsonNode document = submitted().get(0);
		assertThat(document.path("DATA")).isEqualTo(JsonMapper.builder()
			.build()
			.readTree(
					"""
							[{"DATA_TYPE": "transfer_item", "source_path": "/data/run1", "destination_path": "/archive/run1"},
							 {"DATA_TYPE": "transfer_item", "source_path": "/data/run2/", "destination_path": "/archive/run2/",
							  "recursive": true},
							 {"DATA_TYPE": "transfer_item", "source_path": "/data/notes.txt", "destination_path": "/archive/notes.txt",
							  "recursive": false}]
							"""));
		assertThat(document.path("delete_destination_extra").asBoolean()).isTrue();
	}

	@Test
	void aBatchFileOverOneMegabyteOrWithBadLinesIsRefusedWithTheFormKept() {
		UUID source = this.globus.guestCollection();
		UUID destination = this.globus.guestCollection();
		acceptSubmissions();
		byte[] big = new byte[1024 * 1024 + 1];
		Arrays.fill(big, (byte) 'a');
		MockHttpServletResponse tooBig = this.browser
			.perform(upload(form(source, "/runs/", destination, "/copy/"), big));
		assertThat(tooBig.getStatus()).isEqualTo(422);
		assertThat(content(tooBig)).contains("A batch file can be at most 1 MB").contains("value=\"/runs/\"");
		MockHttpServletResponse badLine = this.browser.perform(
				upload(form(source, "/runs/", destination, "/copy/"), "ok.csv ok.csv\nonly-one-path\n".getBytes()));
		assertThat(badLine.getStatus()).isEqualTo(422);
		assertThat(content(badLine)).contains("Line 2").contains("ok.csv ok.csv");
		assertThat(submitted()).isEmpty();
	}

	private static AbstractMockHttpServletRequestBuilder<?> upload(Map<String, String> fields, byte[] batch) {
		var request = MockMvcRequestBuilders.multipart("/transfer")
			.file(new MockMultipartFile("manifest_file", "batch.txt", "text/plain", batch))
			.with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private void acceptSubmissions() {
		this.globus.server().stubFor(post(urlEqualTo("/v0.10/transfer")).willReturn(accepted()));
	}

	private ResponseDefinitionBuilder accepted() {
		return FakeGlobus.json(202, FakeGlobus.submitResult("Accepted", this.submissionId, this.taskId));
	}

	private List<JsonNode> submitted() {
		return this.globus.posted("/v0.10/transfer");
	}

	static String scope(MockHttpServletResponse authorize) {
		return FakeGlobus.query(authorize.getRedirectedUrl()).get("scope");
	}

	static Map<String, String> form(UUID source, String sourcePath, UUID destination, String destinationPath) {
		return PortalBrowser.transferForm(source, sourcePath, destination, destinationPath);
	}

	/** The collection list with this collection chosen. */
	static String chosen(String name, String value) {
		return "(?s)<select[^>]*name=\"" + name + "\"[^>]*>(?:(?!</select>).)*<option value=\"" + Pattern.quote(value)
				+ "\"[^>]*selected";
	}

	static String field(String name, String value) {
		return "name=\"" + name + "\"[^>]*value=\"" + Pattern.quote(value) + "\"";
	}

}
