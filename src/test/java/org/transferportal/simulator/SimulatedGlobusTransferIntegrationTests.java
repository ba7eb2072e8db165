package org.transferportal.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.simulator.SimulatedGlobusBrowser.TRANSFER_ALL;
import static org.transferportal.simulator.SimulatedGlobusBrowser.dataAccess;
import static org.transferportal.simulator.SimulatedGlobusBrowser.json;

/**
 * Contract tests of the simulated Globus Transfer API over HTTP (reference §2–§4, §6).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "simulator.enabled=true",
		"simulator.time-acceleration=40", "simulator.faults[0]=POST /delete:502:1" })
class SimulatedGlobusTransferIntegrationTests {

	static final String API = "/simulator/transfer/v0.10";

	static final String TUTORIAL_1 = "6c54cade-bde5-45c1-bdea-f4bd71dba2cc";

	static final String TUTORIAL_2 = "31ce9ba0-176d-45a5-add3-f37d233ba47d";

	static final String LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	static final String GUEST = "aa752cea-8222-5bc8-acd9-555b090c0ccb";

	static final String CLINICAL = "0b7c5a1e-9d2f-4c8e-b6a3-2f1e4d5c6b7a";

	static final String GCS_ENDPOINT = "5c1b6f0e-3a2d-4e8f-9b7c-1d2e3f4a5b6c";

	static final String CAMPUS_CLUSTER = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";

	static final String CLINICAL_POLICY = "7f5e9a2b-4c1d-4e3f-8a6b-9c0d1e2f3a4b";

	@LocalServerPort
	int port;

	@Autowired
	SimulatorProperties simulator;

	SimulatedGlobusBrowser browser;

	@BeforeEach
	void newBrowser() {
		this.browser = new SimulatedGlobusBrowser(this.port, this.simulator);
	}

	/** A Transfer token carrying data_access for the given collections. */
	String token(String identity, String... collections) {
		String scope = "openid " + TRANSFER_ALL;
		if (collections.length > 0) {
			List<String> deps = new ArrayList<>();
			for (String id : collections) {
				deps.add("*" + dataAccess(id));
			}
			scope += "[" + String.join(" ", deps) + "]";
		}
		return new SimulatedGlobusBrowser(this.port, this.simulator).transferToken(identity, scope);
	}

	HttpResponse<String> get(String path, String token) {
		return this.browser.get(API + path, token);
	}

	HttpResponse<String> post(String path, String token, String body) {
		return this.browser.send("POST", API + path, token, body);
	}

	String submissionId(String token) {
		return json(get("/submission_id", token)).path("value").asString();
	}

	static String transferBody(String submissionId, String source, String destination, String sourcePath,
			String destinationPath, boolean recursive) {
		return """
				{"DATA_TYPE": "transfer", "submission_id": "%s", "source_endpoint": "%s",
				 "destination_endpoint": "%s", "label": "test transfer",
				 "DATA": [{"DATA_TYPE": "transfer_item", "source_path": "%s", "destination_path": "%s",
				           "recursive": %s}]}
				""".formatted(submissionId, source, destination, sourcePath, destinationPath, recursive);
	}

	JsonNode awaitCompletion(String token, String taskId) throws InterruptedException {
		Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
		while (Instant.now().isBefore(giveUp)) {
			JsonNode task = json(get("/task/" + taskId, token));
			if (!"ACTIVE".equals(task.path("status").asString())) {
				return task;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("Task " + taskId + " did not finish");
	}

	@Test
	void lsAnswersConsentRequiredUntilTheTokenCarriesDataAccess() {
		this.browser.revokeAllConsents("alice");
		String withoutConsent = token("alice");
		HttpResponse<String> denied = get("/operation/endpoint/" + TUTORIAL_1 + "/ls?path=/share/godata/",
				withoutConsent);
		assertThat(denied.statusCode()).isEqualTo(403);
		JsonNode error = json(denied);
		String required = TRANSFER_ALL + "[*" + dataAccess(TUTORIAL_1) + "]";
		assertThat(error.path("code").asString()).isEqualTo("ConsentRequired");
		assertThat(error.path("message").asString()).isEqualTo("Missing required data_access consent");
		assertThat(error.path("resource").asString()).isEqualTo("/operation/endpoint/" + TUTORIAL_1 + "/ls");
		assertThat(error.path("request_id").asString()).isNotBlank();
		assertThat(error.path("required_scopes").get(0).asString()).isEqualTo(required);
		assertThat(error.path("authorization_parameters").path("required_scopes").get(0).asString())
			.isEqualTo(required);
		assertThat(error.path("authorization_parameters").path("session_message").asString())
			.isEqualTo("Missing required data_access consent");

		HttpResponse<String> listed = get("/operation/endpoint/" + TUTORIAL_1 + "/ls?path=/share/godata/",
				token("alice", TUTORIAL_1));
		assertThat(listed.statusCode()).isEqualTo(200);
		JsonNode list = json(listed);
		assertThat(list.path("DATA_TYPE").asString()).isEqualTo("file_list");
		assertThat(list.path("path").asString()).isEqualTo("/share/godata/");
		assertThat(list.path("DATA").findValuesAsString("name")).contains("file1.txt", "file2.txt", "file3.txt");
		assertThat(list.path("DATA").get(0).path("last_modified").asString())
			.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\+00:00");
	}

	@Test
	void transferNamesEveryMissingDataAccessInOneRootAndIsIdempotent() throws Exception {
		this.browser.revokeAllConsents("bob");
		String withoutConsent = token("bob");
		String submissionId = submissionId(withoutConsent);
		String body = transferBody(submissionId, TUTORIAL_1, TUTORIAL_2, "/share/godata/file1.txt",
				"/~/copied-file1.txt", false);
		HttpResponse<String> denied = post("/transfer", withoutConsent, body);
		assertThat(denied.statusCode()).isEqualTo(403);
		JsonNode error = json(denied);
		assertThat(error.path("resource").asString()).isEqualTo("/transfer");
		assertThat(error.path("required_scopes").get(0).asString())
			.isEqualTo(TRANSFER_ALL + "[*" + dataAccess(TUTORIAL_1) + " *" + dataAccess(TUTORIAL_2) + "]");

		String granted = token("bob", TUTORIAL_1, TUTORIAL_2);
		HttpResponse<String> accepted = post("/transfer", granted, body);
		assertThat(accepted.statusCode()).isEqualTo(202);
		JsonNode result = json(accepted);
		assertThat(result.path("DATA_TYPE").asString()).isEqualTo("transfer_result");
		assertThat(result.path("code").asString()).isEqualTo("Accepted");
		assertThat(result.path("submission_id").asString()).isEqualTo(submissionId);
		String taskId = result.path("task_id").asString();
		assertThat(result.path("task_link").path("href").asString())
			.isEqualTo("/v0.10/task/" + taskId + "?format=json");

		HttpResponse<String> resent = post("/transfer", granted, body);
		assertThat(resent.statusCode()).isEqualTo(200);
		assertThat(json(resent).path("code").asString()).isEqualTo("Duplicate");
		assertThat(json(resent).path("task_id").asString()).isEqualTo(taskId);
		JsonNode list = json(get("/task_list?filter=type:TRANSFER&limit=100", granted));
		assertThat(list.path("DATA").findValuesAsString("task_id").stream().filter(taskId::equals)).hasSize(1);

		JsonNode task = awaitCompletion(granted, taskId);
		assertThat(task.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(task.path("bytes_transferred").asLong()).isEqualTo(4);
		assertThat(task.path("files").asLong()).isEqualTo(1);
		assertThat(task.path("files_transferred").asLong()).isEqualTo(1);
		assertThat(task.path("subtasks_succeeded").asLong()).isEqualTo(task.path("subtasks_total").asLong());
		assertThat(task.path("completion_time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\+00:00");
		assertThat(task.path("nice_status").isNull()).isTrue();
		assertThat(task.path("fatal_error").isNull()).isTrue();
		assertThat(task.path("source_endpoint_display_name").asString()).isEqualTo("Globus Tutorial Collection 1");
		JsonNode events = json(get("/task/" + taskId + "/event_list", granted));
		assertThat(events.path("DATA").findValuesAsString("code")).contains("STARTED", "SUCCEEDED");
		JsonNode transfers = json(get("/task/" + taskId + "/successful_transfers", granted));
		assertThat(transfers.path("DATA").get(0).path("destination_path").asString())
			.isEqualTo("/home/bob/copied-file1.txt");
		assertThat(transfers.path("next_marker").isNull()).isTrue();

		JsonNode home = json(get("/operation/endpoint/" + TUTORIAL_2 + "/ls?path=/~/", granted));
		assertThat(home.path("path").asString()).isEqualTo("/home/bob/");
		assertThat(home.path("DATA").findValuesAsString("name")).contains("copied-file1.txt");
	}

	@Test
	void aMissingSourceKeepsTheTaskRetryingWithFileNotFound() throws Exception {
		String token = token("carol", TUTORIAL_1, TUTORIAL_2);
		HttpResponse<String> accepted = post("/transfer", token, transferBody(submissionId(token), TUTORIAL_1,
				TUTORIAL_2, "/share/godata/no-such-file.txt", "/~/x.txt", false));
		assertThat(accepted.statusCode()).isEqualTo(202);
		String taskId = json(accepted).path("task_id").asString();
		JsonNode task = json(get("/task/" + taskId, token));
		Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
		while (task.path("is_ok").asBoolean(true) && Instant.now().isBefore(giveUp)) {
			Thread.sleep(50);
			task = json(get("/task/" + taskId, token));
		}
		// Transfer retries a missing source until the deadline (or a cancel)
		assertThat(task.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(task.path("nice_status").asString()).isEqualTo("FILE_NOT_FOUND");
		assertThat(task.path("nice_status_short_description").asString()).isEqualTo("file not found");
		assertThat(task.path("fatal_error").isNull()).isTrue();
		JsonNode events = json(get("/task/" + taskId + "/event_list", token));
		assertThat(events.path("DATA").get(0).path("is_error").asBoolean()).isTrue();
		assertThat(events.path("DATA").get(0).path("details").asString())
			.contains("File: /share/godata/no-such-file.txt");
		assertThat(json(post("/task/" + taskId + "/cancel", token, null)).path("code").asString())
			.isEqualTo("Canceled");
	}

	@Test
	void foldersNobodyMayWriteRefuseMkdirAndRenameAndLocalUsersMustBeTheCallers() {
		String token = token("alice", TUTORIAL_1, LAB_DATA);
		HttpResponse<String> mkdir = post("/operation/endpoint/" + TUTORIAL_1 + "/mkdir", token,
				"{\"DATA_TYPE\": \"mkdir\", \"path\": \"/share/godata/new\"}");
		assertThat(mkdir.statusCode()).isEqualTo(403);
		assertThat(json(mkdir).path("code").asString()).isEqualTo("EndpointPermissionDenied");
		HttpResponse<String> rename = post("/operation/endpoint/" + TUTORIAL_1 + "/rename", token,
				"{\"DATA_TYPE\": \"rename\", \"old_path\": \"/share/godata/file1.txt\", "
						+ "\"new_path\": \"/share/godata/moved.txt\"}");
		assertThat(rename.statusCode()).isEqualTo(403);
		HttpResponse<String> unknownField = post("/operation/endpoint/" + LAB_DATA + "/mkdir", token,
				"{\"DATA_TYPE\": \"mkdir\", \"path\": \"/~/x\", \"mode\": \"0700\"}");
		assertThat(json(unknownField).path("code").asString()).isEqualTo("ClientError.BadRequest");

		JsonNode own = json(get("/operation/endpoint/" + LAB_DATA + "/ls?path=/~/&local_user=alice", token));
		assertThat(own.path("path").asString()).isEqualTo("/home/alice/");
		assertThat(get("/operation/endpoint/" + LAB_DATA + "/ls?path=/~/&local_user=bob", token).statusCode())
			.isEqualTo(403);
		assertThat(get("/operation/endpoint/" + GUEST + "/ls?path=/&local_user=alice", token).statusCode())
			.isEqualTo(400);
	}

	@Test
	void aRecursiveCopyOfAFolderShowsUpAtTheDestination() throws Exception {
		String token = token("alice", LAB_DATA, TUTORIAL_2);
		HttpResponse<String> accepted = post("/transfer", token,
				transferBody(submissionId(token), LAB_DATA, TUTORIAL_2, "/projects/alpha/", "/~/alpha-copy/", true));
		JsonNode task = awaitCompletion(token, json(accepted).path("task_id").asString());
		assertThat(task.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(task.path("files").asLong()).isEqualTo(4);
		JsonNode raw = json(get("/operation/endpoint/" + TUTORIAL_2 + "/ls?path=/~/alpha-copy/raw/", token));
		assertThat(raw.path("DATA").findValuesAsString("name")).containsExactly("scan-001.tif", "scan-002.tif");
	}

	@Test
	void highAssuranceCollectionAsksForARecentUchicagoLogin() {
		HttpResponse<String> denied = get("/operation/endpoint/" + CLINICAL + "/ls", token("alice"));
		assertThat(denied.statusCode()).isEqualTo(403);
		JsonNode error = json(denied);
		assertThat(error.path("code").asString()).isEqualTo("AuthPolicyFailed");
		assertThat(error.path("message").asString()).isEqualTo("Failing collection authentication policy");
		// Transfer's shape: the policy as a comma-separated string, no prompt, no domain
		JsonNode parameters = error.path("authorization_parameters");
		assertThat(parameters.path("session_required_policies").isString()).isTrue();
		assertThat(parameters.path("session_required_policies").asString()).isEqualTo(CLINICAL_POLICY);
		assertThat(parameters.has("prompt")).isFalse();
		assertThat(parameters.has("session_required_single_domain")).isFalse();
		assertThat(parameters.path("session_message").asString()).isNotBlank();
		assertThat(error.has("required_scopes")).isFalse();

		HttpResponse<String> listed = get("/operation/endpoint/" + CLINICAL + "/ls?path=/studies/study-42/",
				token("bob"));
		assertThat(listed.statusCode()).isEqualTo(200);
	}

	@Test
	void aTokenForAnotherResourceServerIsRejectedWith401() {
		JsonNode tokens = this.browser.login("alice", "openid " + TRANSFER_ALL, Map.of());
		HttpResponse<String> response = get("/endpoint/" + GUEST, tokens.path("access_token").asString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(json(response).path("code").asString()).isEqualTo("ClientError.AuthenticationFailed");
		assertThat(get("/endpoint/" + GUEST, null).statusCode()).isEqualTo(401);
	}

	@Test
	void lsPagesAndFiltersTheTenThousandFileFolder() {
		String token = token("alice", LAB_DATA);
		JsonNode tail = json(
				get("/operation/endpoint/" + LAB_DATA + "/ls?path=/projects/big/&limit=100&offset=9950", token));
		assertThat(tail.path("total").asInt()).isEqualTo(10_000);
		assertThat(tail.path("length").asInt()).isEqualTo(50);
		assertThat(tail.path("DATA").get(0).path("name").asString()).isEqualTo("sample-09950.dat");
		JsonNode filtered = json(get("/operation/endpoint/" + LAB_DATA
				+ "/ls?path=/projects/big/&filter=name:~sample-0001*/type:file&orderby=name%20DESC", token));
		assertThat(filtered.path("total").asInt()).isEqualTo(10);
		assertThat(filtered.path("DATA").get(0).path("name").asString()).isEqualTo("sample-00019.dat");
	}

	@Test
	void lsReportsMissingPathsFilesAndDeniedFolders() {
		String token = token("alice", LAB_DATA);
		HttpResponse<String> missing = get("/operation/endpoint/" + LAB_DATA + "/ls?path=/nope/", token);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(json(missing).path("code").asString()).isEqualTo("ClientError.NotFound");
		HttpResponse<String> file = get("/operation/endpoint/" + LAB_DATA + "/ls?path=/projects/alpha/README.md",
				token);
		assertThat(file.statusCode()).isEqualTo(502);
		assertThat(json(file).path("code").asString()).isEqualTo("ExternalError.DirListingFailed.NotDirectory");
		HttpResponse<String> denied = get("/operation/endpoint/" + LAB_DATA + "/ls?path=/restricted/", token);
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(json(denied).path("code").asString()).isEqualTo("EndpointPermissionDenied");
		HttpResponse<String> odd = get("/operation/endpoint/" + LAB_DATA + "/ls?path=/projects/odd%20names/", token);
		assertThat(json(odd).path("DATA").findValuesAsString("name")).contains("<img src=x onerror=alert(1)>.txt",
				"<script>alert(1)<\u2215script>.txt", "<script>alert(1)<", "\"quoted\" 'names'.csv", "données-α.dat");
		HttpResponse<String> endpoint = get("/operation/endpoint/" + GCS_ENDPOINT + "/ls", token);
		assertThat(endpoint.statusCode()).isEqualTo(400);
		assertThat(json(endpoint).path("code").asString()).isEqualTo("ClientError.BadRequest");
	}

	@Test
	void dataAccessIsAConsentAtGlobusNotAPartOfTheToken() {
		this.browser.revokeAllConsents("carol");
		// granted once, in one login ...
		token("carol", LAB_DATA);
		// ... it serves a later token whose request named no dependent scope
		String plain = token("carol");
		String ls = "/operation/endpoint/" + LAB_DATA + "/ls?path=/~/";
		assertThat(get(ls, plain).statusCode()).isEqualTo(200);
		// revoked at Globus, it serves no token any more
		this.browser.revokeAllConsents("carol");
		HttpResponse<String> denied = get(ls, token("carol"));
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(json(denied).path("code").asString()).isEqualTo("ConsentRequired");
	}

	@Test
	void aStorageThatAcceptsOneDomainAnswersLoginFailedWithTheSessionItNeeds() {
		HttpResponse<String> failed = get("/operation/endpoint/" + CAMPUS_CLUSTER + "/ls?path=/~/",
				token("alice", CAMPUS_CLUSTER));
		assertThat(failed.statusCode()).isEqualTo(502);
		JsonNode error = json(failed);
		assertThat(error.path("code").asString()).isEqualTo("ExternalError.DirListingFailed.LoginFailed");
		assertThat(error.path("request_id").asString()).isNotBlank();
		JsonNode parameters = error.path("authorization_parameters");
		assertThat(parameters.path("session_required_single_domain").get(0).asString()).isEqualTo("uchicago.edu");
		assertThat(parameters.path("session_message").asString()).isNotBlank();
		HttpResponse<String> mkdir = post("/operation/endpoint/" + CAMPUS_CLUSTER + "/mkdir",
				token("alice", CAMPUS_CLUSTER), "{\"DATA_TYPE\": \"mkdir\", \"path\": \"/~/x\"}");
		assertThat(json(mkdir).path("code").asString()).isEqualTo("ExternalError.MkdirFailed.LoginFailed");

		HttpResponse<String> listed = get("/operation/endpoint/" + CAMPUS_CLUSTER + "/ls?path=/~/",
				token("bob", CAMPUS_CLUSTER));
		assertThat(listed.statusCode()).isEqualTo(200);
	}

	@Test
	void mkdirAndRenameChangeTheTree() {
		String token = token("alice", LAB_DATA);
		String mkdir = "{\"DATA_TYPE\": \"mkdir\", \"path\": \"/~/new-folder\"}";
		HttpResponse<String> created = post("/operation/endpoint/" + LAB_DATA + "/mkdir", token, mkdir);
		assertThat(json(created).path("code").asString()).isEqualTo("DirectoryCreated");
		HttpResponse<String> again = post("/operation/endpoint/" + LAB_DATA + "/mkdir", token, mkdir);
		assertThat(again.statusCode()).isEqualTo(502);
		assertThat(json(again).path("code").asString()).isEqualTo("ExternalError.MkdirFailed.Exists");
		HttpResponse<String> renamed = post("/operation/endpoint/" + LAB_DATA + "/rename", token,
				"{\"DATA_TYPE\": \"rename\", \"old_path\": \"/~/new-folder\", \"new_path\": \"/~/renamed\"}");
		assertThat(json(renamed).path("code").asString()).isEqualTo("FileRenamed");
		JsonNode stat = json(get("/operation/endpoint/" + LAB_DATA + "/stat?path=/~/renamed", token));
		assertThat(stat.path("type").asString()).isEqualTo("dir");
	}

	@Test
	void transferValidationAnswersBadRequest() {
		String token = token("alice", TUTORIAL_1, TUTORIAL_2);
		String noItems = """
				{"DATA_TYPE": "transfer", "submission_id": "%s", "source_endpoint": "%s",
				 "destination_endpoint": "%s", "DATA": []}""".formatted(submissionId(token), TUTORIAL_1, TUTORIAL_2);
		HttpResponse<String> empty = post("/transfer", token, noItems);
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(json(empty).path("code").asString()).isEqualTo("ClientError.BadRequest.NoTransferItems");
		String relative = transferBody(submissionId(token), TUTORIAL_1, TUTORIAL_2, "share/godata/file1.txt", "/~/a",
				false);
		assertThat(json(post("/transfer", token, relative)).path("code").asString()).isEqualTo("BadRequest");
		String noSubmission = transferBody("", TUTORIAL_1, TUTORIAL_2, "/share/godata/file1.txt", "/~/a", false);
		assertThat(post("/transfer", token, noSubmission).statusCode()).isEqualTo(400);
		String unknown = transferBody(submissionId(token), "00000000-0000-0000-0000-000000000000", TUTORIAL_2, "/a",
				"/b", false);
		HttpResponse<String> notFound = post("/transfer", token, unknown);
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(json(notFound).path("code").asString()).isEqualTo("EndpointNotFound");
	}

	@Test
	void aNamedFaultFiresOnceThenTheSameSubmissionIsAccepted() {
		String token = token("carol", LAB_DATA);
		String body = """
				{"DATA_TYPE": "delete", "submission_id": "%s", "endpoint": "%s", "ignore_missing": true,
				 "DATA": [{"DATA_TYPE": "delete_item", "path": "/~/nothing-here.txt"}]}"""
			.formatted(submissionId(token), LAB_DATA);
		HttpResponse<String> first = post("/delete", token, body);
		assertThat(first.statusCode()).isEqualTo(502);
		assertThat(json(first).path("code").asString()).startsWith("ExternalError");
		HttpResponse<String> second = post("/delete", token, body);
		assertThat(second.statusCode()).isEqualTo(202);
		assertThat(json(second).path("DATA_TYPE").asString()).isEqualTo("delete_result");
	}

	@Test
	void guestCollectionsNeedNoConsentAndHaveAHostEndpoint() {
		String token = token("bob");
		JsonNode doc = json(get("/endpoint/" + GUEST, token));
		assertThat(doc.path("entity_type").asString()).isEqualTo("GCSv5_guest_collection");
		assertThat(doc.path("host_endpoint_id").asString()).isEqualTo(LAB_DATA);
		assertThat(get("/operation/endpoint/" + GUEST + "/ls?path=/results/", token).statusCode()).isEqualTo(200);
		HttpResponse<String> missing = get("/endpoint/00000000-0000-0000-0000-000000000000", token);
		assertThat(json(missing).path("code").asString()).isEqualTo("EndpointNotFound");
		assertThat(json(missing).path("message").asString())
			.isEqualTo("No such endpoint '00000000-0000-0000-0000-000000000000'");
	}

	@Test
	void endpointSearchNeedsFulltextForScopeAllAndKnowsSharedWithMe() {
		String token = token("bob");
		assertThat(get("/endpoint_search", token).statusCode()).isEqualTo(400);
		JsonNode found = json(get("/endpoint_search?filter_fulltext=tutorial", token));
		assertThat(found.path("DATA_TYPE").asString()).isEqualTo("endpoint_list");
		assertThat(found.path("DATA").findValuesAsString("id")).contains(TUTORIAL_1, TUTORIAL_2);
		assertThat(found.path("DATA").get(0).has("_rank")).isTrue();
		JsonNode shared = json(get("/endpoint_search?filter_scope=shared-with-me", token));
		assertThat(shared.path("DATA").findValuesAsString("id")).contains(GUEST);
	}

	@Test
	void gcsCollectionsBelongToTheirEndpointNotToAPerson() {
		String token = token("alice");
		JsonNode labData = json(get("/endpoint/" + LAB_DATA, token));
		assertThat(labData.path("owner_id").asString()).isEqualTo(GCS_ENDPOINT);
		assertThat(labData.path("owner_string").asString()).isEqualTo(GCS_ENDPOINT + "@clients.auth.globus.org");
		JsonNode guest = json(get("/endpoint/" + GUEST, token));
		assertThat(guest.path("owner_id").asString()).isEqualTo(GCS_ENDPOINT);
		JsonNode endpoint = json(get("/endpoint/" + GCS_ENDPOINT, token));
		assertThat(endpoint.path("owner_id").asString()).isEqualTo(GCS_ENDPOINT);
		// so none of them is "mine", though Alice administers them
		JsonNode mine = json(get("/endpoint_search?filter_scope=my-endpoints", token));
		assertThat(mine.path("DATA").findValuesAsString("entity_type")).containsOnly("GCP_mapped_collection");
		assertThat(mine.path("DATA").findValuesAsString("id")).doesNotContain(LAB_DATA, GUEST, GCS_ENDPOINT);
		JsonNode administered = json(get("/endpoint_search?filter_scope=administered-by-me", token));
		assertThat(administered.path("DATA").findValuesAsString("id")).contains(LAB_DATA, GUEST, GCS_ENDPOINT);
		JsonNode byEndpoint = json(get("/endpoint_search?filter_fulltext=lab&filter_owner_id=" + GCS_ENDPOINT, token));
		assertThat(byEndpoint.path("DATA").findValuesAsString("id")).contains(LAB_DATA).doesNotContain(TUTORIAL_1);
	}

	@Test
	void aGlobusConnectPersonalCollectionIsItsOwnersAlone() {
		String laptop = "c3d5e7f9-2b4d-4f6a-8b0c-3d5e7f9a1b2d";
		String alice = token("alice");
		JsonNode doc = json(get("/endpoint/" + laptop, alice));
		assertThat(doc.path("entity_type").asString()).isEqualTo("GCP_mapped_collection");
		assertThat(doc.path("owner_id").asString()).isEqualTo("ae332d86-d274-11e5-b885-b31714a110e9");
		assertThat(doc.path("owner_string").asString()).isEqualTo("alice@globusid.org");
		assertThat(doc.path("is_globus_connect").asBoolean()).isTrue();
		assertThat(doc.path("gcs_manager_url").isNull()).isTrue();
		assertThat(json(get("/endpoint_search?filter_scope=my-endpoints", alice)).path("DATA").findValuesAsString("id"))
			.containsExactly(laptop);
		assertThat(json(get("/endpoint_search?filter_scope=my-gcp-endpoints", alice)).path("DATA")
			.findValuesAsString("id")).containsExactly(laptop);
		assertThat(get("/operation/endpoint/" + laptop + "/ls?path=/~/Documents/", alice).statusCode()).isEqualTo(200);

		String bob = token("bob");
		assertThat(json(get("/endpoint_search?filter_scope=my-endpoints", bob)).path("DATA")).isEmpty();
		assertThat(json(get("/endpoint_search?filter_fulltext=laptop", bob)).path("DATA")).isEmpty();
		assertThat(get("/operation/endpoint/" + laptop + "/ls?path=/~/", bob).statusCode()).isEqualTo(403);
	}

	@Test
	void endpointSearchRefusesAnOwnerFilterWithTheScopesItConflictsWith() {
		String token = token("alice");
		for (String scope : List.of("my-endpoints", "my-gcp-endpoints", "shared-by-me")) {
			HttpResponse<String> refused = get(
					"/endpoint_search?filter_scope=" + scope + "&filter_owner_id=" + GCS_ENDPOINT, token);
			assertThat(refused.statusCode()).as(scope).isEqualTo(400);
			assertThat(json(refused).path("code").asString()).as(scope).isEqualTo("BadRequest");
		}
		assertThat(get("/endpoint_search?filter_scope=administered-by-me&filter_owner_id=" + GCS_ENDPOINT, token)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void bookmarksAreKeptPerUser() {
		String token = token("carol");
		HttpResponse<String> created = post("/bookmark", token,
				"{\"endpoint_id\": \"" + GUEST + "\", \"path\": \"/results/\", \"name\": \"Results\"}");
		String id = json(created).path("id").asString();
		assertThat(json(get("/bookmark_list", token)).path("DATA").findValuesAsString("id")).containsExactly(id);
		assertThat(json(get("/bookmark_list", token("alice"))).path("DATA").findValuesAsString("id"))
			.doesNotContain(id);
		HttpResponse<String> renamed = this.browser.send("PUT", API + "/bookmark/" + id, token,
				"{\"name\": \"Shared results\"}");
		assertThat(json(renamed).path("name").asString()).isEqualTo("Shared results");
		assertThat(this.browser.send("DELETE", API + "/bookmark/" + id, token, null).statusCode()).isEqualTo(200);
		assertThat(get("/bookmark/" + id, token).statusCode()).isEqualTo(404);
	}

	@Test
	void aRunningTaskCanBeRelabelledAndCanceledByItsOwnerOnly() throws Exception {
		String token = token("alice", LAB_DATA, TUTORIAL_2);
		HttpResponse<String> accepted = post("/transfer", token,
				transferBody(submissionId(token), LAB_DATA, TUTORIAL_2, "/projects/big/", "/~/big-copy/", true));
		String taskId = json(accepted).path("task_id").asString();
		assertThat(get("/task/" + taskId, token("carol")).statusCode()).isEqualTo(404);

		HttpResponse<String> updated = this.browser.send("PUT", API + "/task/" + taskId, token,
				"{\"DATA_TYPE\": \"task\", \"label\": \"renamed task\"}");
		assertThat(json(updated).path("code").asString()).isEqualTo("Updated");
		JsonNode running = json(get("/task/" + taskId, token));
		assertThat(running.path("label").asString()).isEqualTo("renamed task");
		assertThat(running.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(running.path("nice_status").asString()).isEqualTo("OK");
		assertThat(running.path("files").asLong()).isEqualTo(10_000);

		HttpResponse<String> canceled = post("/task/" + taskId + "/cancel", token, null);
		assertThat(json(canceled).path("code").asString()).isEqualTo("Canceled");
		JsonNode task = json(get("/task/" + taskId, token));
		assertThat(task.path("status").asString()).isEqualTo("FAILED");
		assertThat(json(get("/task/" + taskId + "/event_list", token)).path("DATA").get(0).path("code").asString())
			.isEqualTo("CANCELED");
		JsonNode filtered = json(get("/task_list?filter=task_id:" + taskId + "/status:FAILED", token));
		assertThat(filtered.path("total").asInt()).isEqualTo(1);
	}

	@Test
	void statsCountTransferCallsByMethodAndPathWithIdsFolded() {
		String token = token("alice", TUTORIAL_1);
		JsonNode before = json(this.browser.get("/simulator/stats", null)).path("transfer_calls");
		submissionId(token);
		get("/endpoint/" + TUTORIAL_1, token);
		JsonNode after = json(this.browser.get("/simulator/stats", null)).path("transfer_calls");
		assertThat(after.path("GET /submission_id").asLong() - before.path("GET /submission_id").asLong()).isEqualTo(1);
		assertThat(after.path("GET /endpoint/{id}").asLong() - before.path("GET /endpoint/{id}").asLong()).isEqualTo(1);
	}

}
