package org.transferportal.simulator;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transferportal.simulator.SimulatedGlobusBrowser.dataAccess;
import static org.transferportal.simulator.SimulatedGlobusBrowser.json;
import static org.transferportal.simulator.SimulatedTransferApi.ARCHIVE;
import static org.transferportal.simulator.SimulatedTransferApi.LAB_DATA;
import static org.transferportal.simulator.SimulatedTransferApi.OUTBOX;
import static org.transferportal.simulator.SimulatedTransferApi.SHARED_RESULTS;
import static org.transferportal.simulator.SimulatedTransferApi.TUTORIAL_1;
import static org.transferportal.simulator.SimulatedTransferApi.TUTORIAL_2;
import static org.transferportal.simulator.SimulatedTransferApi.item;

/**
 * Contract tests of the simulated Transfer's task life cycle and options over HTTP: it is
 * as strict as Transfer (review L1–L4, H1) and has the demo's failing folder,
 * {@code pause_info}, {@code skipped_errors} and real deletes (issue 18).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "simulator.enabled=true", "simulator.time-acceleration=10" })
class SimulatedGlobusTasksIntegrationTests {

	/** The demo's failing folder: 6 files copy, 3 are unreadable, 2 are gone. */
	static final String FLAKY = "/share/flaky/";

	static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
		.withZone(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	@Autowired
	SimulatorProperties simulator;

	SimulatedTransferApi api;

	@BeforeEach
	void newClient() {
		this.api = new SimulatedTransferApi(this.port, this.simulator);
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aTaskMeetingUnreadableAndMissingFilesStaysActiveRetryingUntilCanceled() throws Exception {
		String token = this.api.token("alice", TUTORIAL_1, TUTORIAL_2);
		String destination = "/~/" + unique("flaky") + "/";
		String taskId = this.api.submit("/transfer", token,
				this.api.transfer(token, TUTORIAL_1, TUTORIAL_2, item(FLAKY, destination, true)));

		JsonNode retrying = this.api.await(token, taskId,
				(t) -> t.path("files_transferred").asInt() == 6 && !t.path("is_ok").asBoolean(true), "retrying");
		assertThat(retrying.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(retrying.path("nice_status").asString()).isIn("PERMISSION_DENIED", "FILE_NOT_FOUND");
		assertThat(retrying.path("nice_status_details").asString()).contains("File: " + FLAKY);
		assertThat(retrying.path("faults").asInt()).isPositive();
		assertThat(retrying.path("subtasks_retrying").asInt()).isEqualTo(5);
		assertThat(retrying.path("fatal_error").isNull()).isTrue();
		assertThat(retrying.path("completion_time").isNull()).isTrue();

		JsonNode errors = this.api.events(token, taskId, true);
		assertThat(errors.path("DATA")).allSatisfy((e) -> assertThat(e.path("is_error").asBoolean()).isTrue());
		assertThat(errors.path("DATA").findValuesAsString("code")).contains("PERMISSION_DENIED", "FILE_NOT_FOUND");
		assertThat(errors.path("DATA").findValuesAsString("details"))
			.anySatisfy((details) -> assertThat(details).contains("File: " + FLAKY + "locked-1.dat", "Command: RETR"));
		assertThat(this.api.events(token, taskId, false).path("DATA").findValuesAsString("code")).contains("STARTED");
		// the good files are there, the failing ones are not
		JsonNode copied = json(this.api.get("/operation/endpoint/" + TUTORIAL_2 + "/ls?path=" + destination, token));
		assertThat(copied.path("DATA").findValuesAsString("name")).contains("good-1.txt", "README.txt", "nested")
			.doesNotContain("locked-1.dat", "vanished-1.csv");

		// it keeps retrying: more faults later
		int faults = retrying.path("faults").asInt();
		this.api.await(token, taskId, (t) -> t.path("faults").asInt() > faults, "retried");
		HttpResponse<String> canceled = this.api.post("/task/" + taskId + "/cancel", token, null);
		assertThat(json(canceled).path("code").asString()).isEqualTo("Canceled");
		JsonNode failed = this.api.task(token, taskId);
		assertThat(failed.path("status").asString()).isEqualTo("FAILED");
		assertThat(failed.path("fatal_error").path("code").asString()).isEqualTo("CANCELED");
		assertThat(failed.path("nice_status").isNull()).isTrue();
		assertThat(failed.path("is_ok").isNull()).isTrue();
	}

	@Test
	void skipSourceErrorsSkipsTheFailingFilesAndListsThemAsSkippedErrors() throws Exception {
		String token = this.api.token("carol", TUTORIAL_1, TUTORIAL_2);
		String destination = "/~/" + unique("skipped") + "/";
		Map<String, Object> transfer = this.api.transfer(token, TUTORIAL_1, TUTORIAL_2, item(FLAKY, destination, true));
		transfer.put("skip_source_errors", true);
		String taskId = this.api.submit("/transfer", token, transfer);

		JsonNode done = this.api.awaitStatus(token, taskId, "SUCCEEDED");
		assertThat(done.path("subtasks_skipped_errors").asInt()).isEqualTo(5);
		assertThat(done.path("files_transferred").asInt()).isEqualTo(6);
		assertThat(done.path("skip_source_errors").asBoolean()).isTrue();
		assertThat(this.api.events(token, taskId, false).path("DATA").findValuesAsString("code"))
			.contains("SKIPPED_ERRORS", "SUCCEEDED");

		JsonNode skipped = json(this.api.get("/task/" + taskId + "/skipped_errors", token));
		assertThat(skipped.path("next_marker").isNull()).isTrue();
		assertThat(skipped.path("DATA")).hasSize(5);
		JsonNode locked = null;
		for (JsonNode entry : skipped.path("DATA")) {
			if (entry.path("source_path").asString().equals(FLAKY + "nested/locked-3.dat")) {
				locked = entry;
			}
		}
		assertThat(locked).as(skipped.toString()).isNotNull();
		assertThat(locked.path("DATA_TYPE").asString()).isEqualTo("skipped_error");
		assertThat(locked.path("error_code").asString()).isEqualTo("PERMISSION_DENIED");
		assertThat(locked.path("destination_path").asString()).endsWith("/nested/locked-3.dat");
		assertThat(locked.path("error_details").asString()).contains("File: " + FLAKY + "nested/locked-3.dat");
		assertThat(locked.path("error_time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\+00:00");
		assertThat(locked.path("is_directory").asBoolean(true)).isFalse();
		assertThat(locked.has("is_symlink") && locked.has("is_delete_destination_extra")
				&& locked.has("external_checksum") && locked.has("checksum_algorithm"))
			.isTrue();
		assertThat(skipped.path("DATA").findValuesAsString("error_code")).containsOnly("PERMISSION_DENIED",
				"FILE_NOT_FOUND");
	}

	@Test
	void aTaskStillRetryingAtItsDeadlineEndsExpired() throws Exception {
		String token = this.api.token("bob", TUTORIAL_1, TUTORIAL_2);
		Map<String, Object> transfer = this.api.transfer(token, TUTORIAL_1, TUTORIAL_2,
				item(FLAKY + "vanished-1.csv", "/~/" + unique("expiring") + ".csv", null));
		transfer.put("deadline", DEADLINE.format(Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS)));
		String taskId = this.api.submit("/transfer", token, transfer);
		JsonNode retrying = this.api.await(token, taskId, (t) -> !t.path("is_ok").asBoolean(true), "not ok");
		assertThat(retrying.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(retrying.path("nice_status").asString()).isEqualTo("FILE_NOT_FOUND");
		JsonNode expired = this.api.awaitStatus(token, taskId, "FAILED");
		assertThat(expired.path("fatal_error").path("code").asString()).isEqualTo("EXPIRED");
		assertThat(expired.path("subtasks_expired").asInt()).isEqualTo(1);
	}

	@Test
	void aUsersFourthTransferWaitsQueuedWhileADeleteRunsInItsOwnSlots() throws Exception {
		String token = this.api.token("carol", LAB_DATA, TUTORIAL_2);
		this.api.cancelAll(token);
		List<String> running = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			running.add(this.api.submit("/transfer", token, this.api.transfer(token, LAB_DATA, TUTORIAL_2,
					item("/projects/big/", "/~/" + unique("big") + "/", true))));
		}
		String fourth = this.api.submit("/transfer", token, this.api.transfer(token, LAB_DATA, TUTORIAL_2,
				item("/projects/big/", "/~/" + unique("big") + "/", true)));
		JsonNode queued = this.api.task(token, fourth);
		assertThat(queued.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(queued.path("nice_status").asString()).isEqualTo("Queued");
		assertThat(queued.path("is_ok").asBoolean()).isTrue();
		assertThat(queued.path("bytes_transferred").asLong()).isZero();
		assertThat(this.api.events(token, fourth, false).path("DATA").findValuesAsString("code"))
			.doesNotContain("STARTED");
		for (String id : running) {
			assertThat(this.api.task(token, id).path("nice_status").asString()).isEqualTo("OK");
		}
		// deletes have three slots of their own
		String delete = this.api.submit("/delete", token, this.api.delete(token, LAB_DATA, "/~/" + unique("nothing")));
		assertThat(this.api.task(token, delete).path("nice_status").asString()).isNotEqualTo("Queued");

		this.api.post("/task/" + running.get(0) + "/cancel", token, null);
		JsonNode started = this.api.await(token, fourth, (t) -> !"Queued".equals(t.path("nice_status").asString()),
				"started");
		assertThat(started.path("status").asString()).isIn("ACTIVE", "SUCCEEDED");
		this.api.cancelAll(token);
	}

	@Test
	void aFolderSentWithoutRecursiveIsDetectedAsAFolderAndAFileAsAFile() throws Exception {
		String token = this.api.token("alice", LAB_DATA, TUTORIAL_2);
		String destination = "/~/" + unique("detected") + "/";
		String taskId = this.api.submit("/transfer", token,
				this.api.transfer(token, LAB_DATA, TUTORIAL_2, item("/projects/alpha", destination + "alpha", null),
						item("/projects/alpha/README.md", destination + "README.md", null)));
		JsonNode done = this.api.awaitStatus(token, taskId, "SUCCEEDED");
		assertThat(done.path("files").asInt()).isEqualTo(5);
		JsonNode raw = json(
				this.api.get("/operation/endpoint/" + TUTORIAL_2 + "/ls?path=" + destination + "alpha/raw/", token));
		assertThat(raw.path("DATA").findValuesAsString("name")).containsExactly("scan-001.tif", "scan-002.tif");
		JsonNode file = json(
				this.api.get("/operation/endpoint/" + TUTORIAL_2 + "/stat?path=" + destination + "README.md", token));
		assertThat(file.path("type").asString()).isEqualTo("file");

		// recursive: false says "this is a file": a folder then fails
		String notAFile = this.api.submit("/transfer", token, this.api.transfer(token, LAB_DATA, TUTORIAL_2,
				item("/projects/alpha/", destination + "again/", false)));
		JsonNode failed = this.api.awaitStatus(token, notAFile, "FAILED");
		assertThat(failed.path("fatal_error").path("code").asString()).isEqualTo("NOT_A_FILE");
	}

	@Test
	void filterRulesDecideWhatATaskCopiesFirstMatchWinning() throws Exception {
		String token = this.api.token("bob", LAB_DATA, TUTORIAL_2);
		String destination = "/~/" + unique("filtered") + "/";
		Map<String, Object> transfer = this.api.transfer(token, LAB_DATA, TUTORIAL_2,
				item("/projects/alpha/", destination, true));
		transfer.put("filter_rules", List.of(
				SimJson.object("DATA_TYPE", "filter_rule", "method", "include", "name", "scan-001.tif"),
				SimJson.object("DATA_TYPE", "filter_rule", "method", "exclude", "name", "*.tif", "type", "file"),
				SimJson.object("DATA_TYPE", "filter_rule", "method", "exclude", "name", "analysis", "type", "dir")));
		String taskId = this.api.submit("/transfer", token, transfer);
		JsonNode done = this.api.awaitStatus(token, taskId, "SUCCEEDED");
		assertThat(done.path("filter_rules")).hasSize(3);
		JsonNode top = json(this.api.get("/operation/endpoint/" + TUTORIAL_2 + "/ls?path=" + destination, token));
		assertThat(top.path("DATA").findValuesAsString("name")).containsExactlyInAnyOrder("raw", "README.md");
		JsonNode raw = json(
				this.api.get("/operation/endpoint/" + TUTORIAL_2 + "/ls?path=" + destination + "raw/", token));
		assertThat(raw.path("DATA").findValuesAsString("name")).containsExactly("scan-001.tif");
	}

	@Test
	void quotaErrorsAreRetriedUnlessFailOnQuotaErrorsIsSet() throws Exception {
		String token = this.api.token("alice", ARCHIVE);
		Object big = item("/archive/2023/q4-results.tar.gz", "/" + unique("too-big") + ".tar.gz", null);
		String retried = this.api.submit("/transfer", token, this.api.transfer(token, ARCHIVE, SHARED_RESULTS, big));
		JsonNode waiting = this.api.await(token, retried, (t) -> !t.path("is_ok").asBoolean(true), "not ok");
		assertThat(waiting.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(waiting.path("nice_status").asString()).isEqualTo("QUOTA_EXCEEDED");
		this.api.post("/task/" + retried + "/cancel", token, null);

		Map<String, Object> failing = this.api.transfer(token, ARCHIVE, SHARED_RESULTS, big);
		failing.put("fail_on_quota_errors", true);
		JsonNode failed = this.api.awaitStatus(token, this.api.submit("/transfer", token, failing), "FAILED");
		assertThat(failed.path("fatal_error").path("code").asString()).isEqualTo("QUOTA_EXCEEDED");
		assertThat(failed.path("fail_on_quota_errors").asBoolean()).isTrue();
	}

	@Test
	void localUsersAreForMappedCollectionsAndOnlyTheUsersOwnAccounts() throws Exception {
		String token = this.api.token("bob", LAB_DATA, TUTORIAL_2);
		Map<String, Object> onGuest = this.api.transfer(token, LAB_DATA, SHARED_RESULTS,
				item("/projects/alpha/README.md", "/x.md", null));
		onGuest.put("destination_local_user", "bob");
		HttpResponse<String> refused = this.api.post("/transfer", token, onGuest);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json(refused).path("message").asString()).contains("mapped");

		String name = unique("mine") + ".md";
		Map<String, Object> own = this.api.transfer(token, LAB_DATA, TUTORIAL_2,
				item("/projects/alpha/README.md", "/~/" + name, null));
		own.put("destination_local_user", "bob");
		this.api.awaitStatus(token, this.api.submit("/transfer", token, own), "SUCCEEDED");
		JsonNode home = json(this.api.get("/operation/endpoint/" + TUTORIAL_2 + "/ls?path=/home/bob/", token));
		assertThat(home.path("DATA").findValuesAsString("name")).contains(name);

		Map<String, Object> someoneElses = this.api.transfer(token, LAB_DATA, TUTORIAL_2,
				item("/~/run1.csv", "/~/" + unique("not-mine") + ".csv", null));
		someoneElses.put("source_local_user", "alice");
		someoneElses.put("skip_source_errors", true);
		JsonNode skipped = this.api.awaitStatus(token, this.api.submit("/transfer", token, someoneElses), "SUCCEEDED");
		assertThat(skipped.path("subtasks_skipped_errors").asInt()).isEqualTo(1);
	}

	@Test
	void unknownFieldsAndWrongTypesAreRefusedInTransfersShape() {
		String token = this.api.token("carol", TUTORIAL_1, TUTORIAL_2);
		Object file = item("/share/godata/file1.txt", "/~/f.txt", null);
		List<Map.Entry<String, Object>> mistakes = List.of(Map.entry("verify_checksums", true), Map.entry("label", 5),
				Map.entry("skip_source_errors", "yes"), Map.entry("sync_level", "checksum"),
				Map.entry("DATA", Map.of("DATA_TYPE", "transfer_item")), Map.entry("filter_rules", "*.tmp"));
		for (Map.Entry<String, Object> mistake : mistakes) {
			Map<String, Object> transfer = this.api.transfer(token, TUTORIAL_1, TUTORIAL_2, file);
			transfer.put(mistake.getKey(), mistake.getValue());
			HttpResponse<String> refused = this.api.post("/transfer", token, transfer);
			assertThat(refused.statusCode()).as(mistake.toString()).isEqualTo(400);
			JsonNode error = json(refused);
			assertThat(error.path("code").asString()).as(mistake.toString()).isEqualTo("ClientError.BadRequest");
			assertThat(error.path("message").asString()).isNotBlank();
			assertThat(error.path("request_id").asString()).isNotBlank();
			assertThat(error.path("resource").asString()).isEqualTo("/transfer");
		}
		Map<String, Object> itemMistake = SimJson.object("DATA_TYPE", "transfer_item", "source_path",
				"/share/godata/file1.txt", "destination_path", "/~/f.txt", "recursive", "yes");
		assertThat(this.api.post("/transfer", token, this.api.transfer(token, TUTORIAL_1, TUTORIAL_2, itemMistake))
			.statusCode()).isEqualTo(400);
		Map<String, Object> delete = this.api.delete(token, TUTORIAL_2, "/~/f.txt");
		delete.put("recursve", true);
		HttpResponse<String> refusedDelete = this.api.post("/delete", token, delete);
		assertThat(json(refusedDelete).path("code").asString()).isEqualTo("ClientError.BadRequest");
	}

	@Test
	void eventListFiltersOnIsErrorAndRefusesOtherFilters() throws Exception {
		String token = this.api.token("bob", TUTORIAL_1, TUTORIAL_2);
		Map<String, Object> transfer = this.api.transfer(token, TUTORIAL_1, TUTORIAL_2,
				item(FLAKY, "/~/" + unique("events") + "/", true));
		transfer.put("skip_source_errors", true);
		String taskId = this.api.submit("/transfer", token, transfer);
		this.api.awaitStatus(token, taskId, "SUCCEEDED");
		JsonNode all = this.api.events(token, taskId, false);
		JsonNode errors = this.api.events(token, taskId, true);
		JsonNode others = json(this.api.get("/task/" + taskId + "/event_list?filter=is_error:0", token));
		assertThat(errors.path("total").asInt() + others.path("total").asInt()).isEqualTo(all.path("total").asInt());
		assertThat(others.path("DATA").findValuesAsString("code")).contains("STARTED", "SUCCEEDED");
		assertThat(others.path("DATA")).allSatisfy((e) -> assertThat(e.path("is_error").asBoolean()).isFalse());
		HttpResponse<String> unknown = this.api.get("/task/" + taskId + "/event_list?filter=code:STARTED", token);
		assertThat(unknown.statusCode()).isEqualTo(400);
	}

	@Test
	void listsRefuseToPageBeyondTheirThousandResults() {
		String token = this.api.token("alice");
		for (String path : List.of("/task_list?offset=999&limit=2", "/task_list?offset=0&limit=1001",
				"/endpoint_search?filter_fulltext=lab&offset=990&limit=20")) {
			assertThat(this.api.get(path, token).statusCode()).as(path).isEqualTo(400);
		}
		assertThat(this.api.get("/task_list?offset=990&limit=10", token).statusCode()).isEqualTo(200);
	}

	@Test
	void eventListRefusesToPageBeyondItsThousandResults() throws Exception {
		String token = this.api.token("alice", TUTORIAL_1, TUTORIAL_2);
		String taskId = this.api.submit("/transfer", token, this.api.transfer(token, TUTORIAL_1, TUTORIAL_2,
				item("/share/godata/file2.txt", "/~/" + unique("paged") + ".txt", null)));
		assertThat(this.api.get("/task/" + taskId + "/event_list?offset=999&limit=2", token).statusCode())
			.isEqualTo(400);
		assertThat(this.api.get("/task/" + taskId + "/event_list?offset=990&limit=10", token).statusCode())
			.isEqualTo(200);
	}

	@Test
	void bookmarksMustBeFoldersEndingInASlash() {
		String token = this.api.token("carol");
		HttpResponse<String> file = this.api.post("/bookmark", token,
				SimJson.object("endpoint_id", SHARED_RESULTS, "path", "/results", "name", unique("no slash")));
		assertThat(file.statusCode()).isEqualTo(400);
		HttpResponse<String> folder = this.api.post("/bookmark", token,
				SimJson.object("endpoint_id", SHARED_RESULTS, "path", "/results/", "name", unique("folder")));
		assertThat(folder.statusCode()).isEqualTo(200);
	}

	@Test
	void aRevokedConsentMakesARunningTaskInactiveUntilItIsGrantedAgain() throws Exception {
		String token = this.api.token("bob", TUTORIAL_1, TUTORIAL_2);
		// the failing folder keeps the task alive, retrying
		String taskId = this.api.submit("/transfer", token,
				this.api.transfer(token, TUTORIAL_1, TUTORIAL_2, item(FLAKY, "/~/" + unique("lapsing") + "/", true)));
		this.api.await(token, taskId, (t) -> t.path("files_transferred").asInt() == 6, "done with its good files");

		this.api.browser().revokeConsent("bob", dataAccess(TUTORIAL_1));
		JsonNode inactive = this.api.awaitStatus(token, taskId, "INACTIVE");
		assertThat(inactive.path("nice_status").asString()).isEqualTo("NO_CREDENTIALS");
		assertThat(inactive.path("nice_status_details").asString()).contains("Globus Tutorial Collection 1",
				dataAccess(TUTORIAL_1));
		assertThat(inactive.path("is_ok").asBoolean(true)).isFalse();
		assertThat(inactive.path("completion_time").isNull()).isTrue();

		this.api.token("bob", TUTORIAL_1);
		JsonNode resumed = this.api.awaitStatus(token, taskId, "ACTIVE");
		assertThat(resumed.path("nice_status").asString()).isNotEqualTo("NO_CREDENTIALS");
		this.api.post("/task/" + taskId + "/cancel", token, null);
	}

	@Test
	void deletesRemoveEntriesNeedRecursiveForFoldersAndFailOnAMissingPath() throws Exception {
		String token = this.api.token("alice", LAB_DATA, TUTORIAL_2);
		String folder = "/~/" + unique("to-delete") + "/";
		this.api.awaitStatus(token, this.api.submit("/transfer", token,
				this.api.transfer(token, LAB_DATA, TUTORIAL_2, item("/projects/alpha/analysis/", folder, true))),
				"SUCCEEDED");

		JsonNode notRecursive = this.api.awaitStatus(token,
				this.api.submit("/delete", token, this.api.delete(token, TUTORIAL_2, folder)), "FAILED");
		assertThat(notRecursive.path("fatal_error").path("code").asString()).isEqualTo("NOT_A_FILE");

		Map<String, Object> recursive = this.api.delete(token, TUTORIAL_2, folder);
		recursive.put("recursive", true);
		JsonNode deleted = this.api.awaitStatus(token, this.api.submit("/delete", token, recursive), "SUCCEEDED");
		assertThat(deleted.path("type").asString()).isEqualTo("DELETE");
		assertThat(this.api.get("/operation/endpoint/" + TUTORIAL_2 + "/ls?path=" + folder, token).statusCode())
			.isEqualTo(404);

		// the failure shape of a delete of a missing path (CLI fixture
		// submit_delete_failed)
		JsonNode missing = this.api.awaitStatus(token,
				this.api.submit("/delete", token, this.api.delete(token, TUTORIAL_2, folder)), "FAILED");
		assertThat(missing.path("fatal_error").path("code").asString()).isEqualTo("FILE_NOT_FOUND");
		assertThat(missing.path("fatal_error").path("description").asString()).isEqualTo("file not found");
		assertThat(missing.path("faults").asInt()).isEqualTo(1);
		assertThat(missing.path("destination_endpoint_id").isNull()).isTrue();
		assertThat(missing.path("destination_endpoint_display_name").isNull()).isTrue();
		assertThat(missing.path("source_endpoint_id").asString()).isEqualTo(TUTORIAL_2);
		assertThat(missing.path("is_ok").isNull()).isTrue();
		assertThat(missing.path("nice_status").isNull()).isTrue();

		Map<String, Object> ignoring = this.api.delete(token, TUTORIAL_2, folder);
		ignoring.put("ignore_missing", true);
		this.api.awaitStatus(token, this.api.submit("/delete", token, ignoring), "SUCCEEDED");
	}

	@Test
	void aDeleteWithInterpretGlobsRemovesWhatTheLastComponentMatches() throws Exception {
		String token = this.api.token("bob", LAB_DATA, TUTORIAL_2);
		String folder = "/~/" + unique("globbed") + "/";
		this.api.awaitStatus(token,
				this.api.submit("/transfer", token,
						this.api.transfer(token, LAB_DATA, TUTORIAL_2, item("/projects/alpha/", folder, true))),
				"SUCCEEDED");
		Map<String, Object> globbed = this.api.delete(token, TUTORIAL_2, folder + "raw/scan-*.tif");
		globbed.put("interpret_globs", true);
		this.api.awaitStatus(token, this.api.submit("/delete", token, globbed), "SUCCEEDED");
		JsonNode raw = json(this.api.get("/operation/endpoint/" + TUTORIAL_2 + "/ls?path=" + folder + "raw/", token));
		assertThat(raw.path("DATA")).isEmpty();
		JsonNode top = json(this.api.get("/operation/endpoint/" + TUTORIAL_2 + "/ls?path=" + folder, token));
		assertThat(top.path("DATA").findValuesAsString("name")).contains("README.md", "analysis", "raw");
	}

	@Test
	void deletingInAFolderNobodyMayWriteKeepsRetryingWithPermissionDenied() throws Exception {
		String token = this.api.token("carol", TUTORIAL_1);
		String taskId = this.api.submit("/delete", token, this.api.delete(token, TUTORIAL_1, FLAKY + "good-1.txt"));
		JsonNode denied = this.api.await(token, taskId, (t) -> !t.path("is_ok").asBoolean(true), "not ok");
		assertThat(denied.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(denied.path("nice_status").asString()).isEqualTo("PERMISSION_DENIED");
		assertThat(this.api.events(token, taskId, true).path("DATA").get(0).path("details").asString())
			.contains("Error (delete)", "File: " + FLAKY + "good-1.txt");
		this.api.post("/task/" + taskId + "/cancel", token, null);
		assertThat(this.api.get("/operation/endpoint/" + TUTORIAL_1 + "/stat?path=" + FLAKY + "good-1.txt", token)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void aTaskOnAPausedCollectionIsPausedAndPauseInfoNamesTheRule() throws Exception {
		String token = this.api.token("bob", TUTORIAL_2);
		String taskId = this.api.submit("/transfer", token, this.api.transfer(token, OUTBOX, TUTORIAL_2,
				item("/outbox/run-42.h5", "/~/" + unique("paused") + ".h5", null)));
		JsonNode paused = this.api.await(token, taskId, (t) -> t.path("is_paused").asBoolean(), "paused");
		assertThat(paused.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(paused.path("nice_status").asString()).isEqualTo("PAUSED");
		JsonNode info = json(this.api.get("/task/" + taskId + "/pause_info", token));
		assertThat(info.path("pause_rules")).hasSize(1);
		JsonNode rule = info.path("pause_rules").get(0);
		assertThat(rule.path("DATA_TYPE").asString()).isEqualTo("pause_rule");
		assertThat(rule.path("endpoint_id").asString()).isEqualTo(OUTBOX);
		assertThat(rule.path("message").asString()).contains("maintenance");
		assertThat(rule.path("pause_task_transfer_read").asBoolean()).isTrue();
		assertThat(info.path("source_pause_message").asString()).contains("maintenance");
		assertThat(info.has("destination_pause_message")).isTrue();
		this.api.post("/task/" + taskId + "/cancel", token, null);

		String other = this.api.submit("/transfer", token, this.api.transfer(token, TUTORIAL_2, TUTORIAL_2,
				item("/share/godata/file1.txt", "/~/" + unique("unpaused") + ".txt", null)));
		assertThat(json(this.api.get("/task/" + other + "/pause_info", token)).path("pause_rules")).isEmpty();
	}

}
