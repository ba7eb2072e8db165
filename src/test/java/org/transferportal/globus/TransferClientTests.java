package org.transferportal.globus;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.transferportal.globus.GlobusFixtures.RecordingSleeper;
import org.transferportal.globus.GlobusFixtures.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.transferportal.globus.GlobusFixtures.json;

/**
 * Every Transfer call against WireMock: method, path, query, body, Bearer header, and the
 * parsing of each canned answer.
 */
class TransferClientTests {

	private static final String MAPPED = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	private static final String TASK = "b8872740-7edc-11ec-9f33-ed182a728dff";

	private static final String SUBMISSION = "0f6c7b0e-1c3a-4b0e-9a31-0d2b5a0c7e11";

	private static final String BEARER = "Bearer AgXferTok0123";

	@RegisterExtension
	static final GlobusServer server = new GlobusServer();

	private TransferClient client;

	@BeforeEach
	void makeClient() {
		this.client = GlobusFixtures.clients(GlobusFixtures.properties(server), new RecordingSleeper())
			.transfer(new Tokens("AgXferTok0123", "AgXferTokNew"));
	}

	@Test
	void collectionReadsTheEndpointDocumentWithTheBearerToken() {
		server.stubFor(get("/v0.10/endpoint/" + MAPPED).willReturn(json(200, "transfer/endpoint_mapped.json")));

		Collection collection = this.client.collection(MAPPED);

		server.verify(getRequestedFor(urlPathEqualTo("/v0.10/endpoint/" + MAPPED))
			.withHeader("Authorization", equalTo(BEARER))
			.withHeader("Accept", equalTo("application/json")));
		assertThat(collection.id()).isEqualTo(MAPPED);
		assertThat(collection.displayName()).isEqualTo("Lab Data (mapped)");
		assertThat(collection.entityType()).isEqualTo(Collection.MAPPED);
		assertThat(collection.highAssurance()).isFalse();
		assertThat(collection.nonFunctional()).isFalse();
		assertThat(collection.ownerString()).endsWith("@clients.auth.globus.org");
		assertThat(collection.defaultDirectory()).isEqualTo("/{server_default}/");
		assertThat(collection.isPublic()).isTrue();
		assertThat(collection.httpsServer()).isEqualTo("https://m-f45678.abc.xyz.data.globus.org");
		assertThat(collection.gcsVersion()).isEqualTo("5.4.50");
		assertThat(collection.contactEmail()).isNull();
		assertThat(collection.mfaRequired()).isFalse();
		assertThat(collection.myEffectiveRoles()).containsExactly("administrator");
		assertThat(collection.requiresDataAccessScope()).isTrue();
		assertThat(collection.browsable()).isTrue();
	}

	@Test
	void collectionReadsAGuestCollectionWithoutDisplayName() {
		String guest = "7b3b9b62-2f3e-4f35-8b8e-0a4d2d2c1e90";
		server.stubFor(get("/v0.10/endpoint/" + guest).willReturn(json(200, "transfer/endpoint_guest.json")));

		Collection collection = this.client.collection(guest);

		assertThat(collection.hostEndpointId()).isEqualTo("2b6b5a3e-1d7a-4bde-9a4c-5c0f7b0f5f01");
		assertThat(collection.mappedCollectionId()).isEqualTo(MAPPED);
		assertThat(collection.name()).isEqualTo(guest);
		assertThat(collection.requiresDataAccessScope()).isFalse();
	}

	@Test
	void searchCollectionsSendsEveryFilterAsAQueryParameter() {
		server.stubFor(
				get(urlPathEqualTo("/v0.10/endpoint_search")).willReturn(json(200, "transfer/endpoint_search.json")));

		CollectionList list = this.client.searchCollections(new CollectionSearch("lab & data #1", "my-endpoints", null,
				"cf37806c-572c-47ff-88e2-511c646ef1a4", "2b6b5a3e-1d7a-4bde-9a4c-5c0f7b0f5f01", false, 2, 4));

		server.verify(getRequestedFor(urlPathEqualTo("/v0.10/endpoint_search"))
			.withQueryParam("filter_fulltext", equalTo("lab & data #1"))
			.withQueryParam("filter_scope", equalTo("my-endpoints"))
			.withQueryParam("filter_owner_id", equalTo("cf37806c-572c-47ff-88e2-511c646ef1a4"))
			.withQueryParam("filter_host_endpoint", equalTo("2b6b5a3e-1d7a-4bde-9a4c-5c0f7b0f5f01"))
			.withQueryParam("filter_non_functional", equalTo("0"))
			.withQueryParam("filter_entity_type", absent())
			.withQueryParam("limit", equalTo("2"))
			.withQueryParam("offset", equalTo("4"))
			.withHeader("Authorization", equalTo(BEARER)));
		assertThat(list.hasNextPage()).isTrue();
		assertThat(list.limit()).isEqualTo(2);
		assertThat(list.offset()).isZero();
		assertThat(list.data()).extracting(Collection::entityType)
			.containsExactly("GCSv5_mapped_collection", "GCSv5_endpoint");
		assertThat(list.data().get(0).rank()).isEqualTo(2.5);
		assertThat(list.data().get(1).browsable()).isFalse();
	}

	@Test
	void searchCollectionsByTextSendsTheAllScopeAndDefaultPage() {
		server.stubFor(
				get(urlPathEqualTo("/v0.10/endpoint_search")).willReturn(json(200, "transfer/endpoint_search.json")));

		this.client.searchCollections(CollectionSearch.text("tutorial"));

		server.verify(getRequestedFor(urlPathEqualTo("/v0.10/endpoint_search"))
			.withQueryParam("filter_fulltext", equalTo("tutorial"))
			.withQueryParam("filter_scope", equalTo("all"))
			.withQueryParam("filter_non_functional", absent())
			.withQueryParam("limit", equalTo("25"))
			.withQueryParam("offset", equalTo("0")));
	}

	@Test
	void listEncodesAwkwardPathsAndSendsEveryFilter() {
		String path = "/~/my data/#1 a+b&c=d/ü ß 日本/%20";
		server.stubFor(get(urlPathEqualTo("/v0.10/operation/endpoint/" + MAPPED + "/ls"))
			.willReturn(json(200, "transfer/ls.json")));

		FileList list = this.client.list(MAPPED, new ListingQuery(path, false, "type ASC,name ASC",
				List.of("name:~*.csv", "type:file"), 100, 200, "alice"));

		server.verify(getRequestedFor(urlPathEqualTo("/v0.10/operation/endpoint/" + MAPPED + "/ls"))
			.withQueryParam("path", equalTo(path))
			.withQueryParam("show_hidden", equalTo("0"))
			.withQueryParam("orderby", equalTo("type ASC,name ASC"))
			.withQueryParam("filter", havingExactly("name:~*.csv", "type:file"))
			.withQueryParam("limit", equalTo("100"))
			.withQueryParam("offset", equalTo("200"))
			.withQueryParam("local_user", equalTo("alice"))
			.withHeader("Authorization", equalTo(BEARER)));
		assertThat(list.endpoint()).isEqualTo(MAPPED);
		assertThat(list.path()).isEqualTo("/home/alice/");
		assertThat(list.absolutePath()).isNull();
		assertThat(list.length()).isEqualTo(2);
		assertThat(list.total()).isEqualTo(2);
		assertThat(list.renameSupported()).isTrue();
		FileEntry dir = list.data().get(0);
		assertThat(dir.isDirectory()).isTrue();
		assertThat(dir.size()).isEqualTo(4096);
		assertThat(dir.permissions()).isEqualTo("0755");
		assertThat(GlobusTimes.parse(dir.lastModified())).hasToString("2023-12-18T16:52:50Z");
		FileEntry file = list.data().get(1);
		assertThat(file.name()).isEqualTo("run1.csv");
		assertThat(file.isDirectory()).isFalse();
		assertThat(file.size()).isEqualTo(3771);
		assertThat(file.user()).isEqualTo("alice");
		assertThat(file.group()).isEqualTo("lab");
		assertThat(file.linkTarget()).isNull();
	}

	@Test
	void listDecodesUtf8NamesWhenTheAnswerNamesNoCharset() {
		String body = "{\"DATA_TYPE\":\"file_list\",\"path\":\"/données/\",\"DATA\":[{\"DATA_TYPE\":\"file\","
				+ "\"name\":\"日本 ü.csv\",\"type\":\"file\",\"size\":1}]}";
		server.stubFor(get(urlPathEqualTo("/v0.10/operation/endpoint/" + MAPPED + "/ls"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(body.getBytes(StandardCharsets.UTF_8))));

		FileList list = this.client.list(MAPPED, ListingQuery.of("/données/"));

		assertThat(list.path()).isEqualTo("/données/");
		assertThat(list.data().get(0).name()).isEqualTo("日本 ü.csv");
	}

	@Test
	void listWithoutPathLeavesTheDefaultsToGlobus() {
		server.stubFor(get(urlPathEqualTo("/v0.10/operation/endpoint/" + MAPPED + "/ls"))
			.willReturn(json(200, "transfer/ls.json")));

		this.client.list(MAPPED, ListingQuery.of(null));

		server.verify(getRequestedFor(urlPathEqualTo("/v0.10/operation/endpoint/" + MAPPED + "/ls"))
			.withQueryParam("path", absent())
			.withQueryParam("show_hidden", equalTo("1"))
			.withQueryParam("orderby", absent())
			.withQueryParam("filter", absent())
			.withQueryParam("limit", absent())
			.withQueryParam("offset", absent())
			.withQueryParam("local_user", absent()));
	}

	@Test
	void statEncodesThePathAndReadsOneFileDocument() {
		server.stubFor(get(urlPathEqualTo("/v0.10/operation/endpoint/" + MAPPED + "/stat"))
			.willReturn(json(200, "transfer/stat.json")));

		FileEntry entry = this.client.stat(MAPPED, "/home/alice/run 1+2&3#4.csv");

		server.verify(getRequestedFor(urlPathEqualTo("/v0.10/operation/endpoint/" + MAPPED + "/stat"))
			.withQueryParam("path", equalTo("/home/alice/run 1+2&3#4.csv"))
			.withHeader("Authorization", equalTo(BEARER)));
		assertThat(entry.name()).isEqualTo("run1.csv");
		assertThat(entry.type()).isEqualTo("file");
		assertThat(entry.lastModified()).isEqualTo("2021-01-14 09:12:03+00:00");
	}

	@Test
	void mkdirPostsAMkdirDocument() {
		server.stubFor(post("/v0.10/operation/endpoint/" + MAPPED + "/mkdir")
			.willReturn(json(202, "transfer/mkdir_result.json")));

		OperationResult result = this.client.mkdir(MAPPED, "/~/new folder/ü#+");

		server.verify(postRequestedFor(urlPathEqualTo("/v0.10/operation/endpoint/" + MAPPED + "/mkdir"))
			.withHeader("Authorization", equalTo(BEARER))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"DATA_TYPE\":\"mkdir\",\"path\":\"/~/new folder/ü#+\"}")));
		assertThat(result.code()).isEqualTo("DirectoryCreated");
		assertThat(result.requestId()).isEqualTo("ShbIUzrWi");
		assertThat(result.resource()).endsWith("/mkdir");
		assertThat(result.message()).isNotBlank();
	}

	@Test
	void renamePostsOldAndNewPath() {
		server.stubFor(post("/v0.10/operation/endpoint/" + MAPPED + "/rename")
			.willReturn(json(200, "transfer/rename_result.json")));

		OperationResult result = this.client.rename(MAPPED, "/~/a.txt", "/~/b c.txt");

		server
			.verify(postRequestedFor(urlPathEqualTo("/v0.10/operation/endpoint/" + MAPPED + "/rename")).withRequestBody(
					equalToJson("{\"DATA_TYPE\":\"rename\",\"old_path\":\"/~/a.txt\",\"new_path\":\"/~/b c.txt\"}")));
		assertThat(result.code()).isEqualTo("FileRenamed");
	}

	@Test
	void submissionIdReadsTheValue() {
		server.stubFor(get("/v0.10/submission_id").willReturn(json(200, "transfer/submission_id.json")));

		assertThat(this.client.submissionId()).isEqualTo(SUBMISSION);
		server.verify(
				getRequestedFor(urlPathEqualTo("/v0.10/submission_id")).withHeader("Authorization", equalTo(BEARER)));
	}

	@Test
	void submitTransferSendsTheTransferDocumentInGlobusShape() {
		server.stubFor(post("/v0.10/transfer").willReturn(json(202, "transfer/submit_accepted.json")));
		TransferDocument document = new TransferDocument(SUBMISSION, MAPPED, "313ce13e-b597-5858-ae13-29e46fea26e6",
				"nightly sync", 3, true, null, null, "2017-10-12T12:33:54+00:00", null, null, null, null, false, null,
				null, "alice", List.of(new TransferDocument.FilterRule("exclude", "*.tmp", "file")),
				List.of(TransferDocument.Item.of("/share/godata/file1.txt", "/~/file1.txt", false),
						TransferDocument.Item.of("/share/godata/dir/", "/~/dir/", true)));

		SubmitResult result = this.client.submitTransfer(document);

		server.verify(postRequestedFor(urlPathEqualTo("/v0.10/transfer")).withHeader("Authorization", equalTo(BEARER))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson(
					"""
							{"DATA_TYPE": "transfer",
							 "submission_id": "0f6c7b0e-1c3a-4b0e-9a31-0d2b5a0c7e11",
							 "source_endpoint": "1405823f-0597-4a16-b296-46d4f0ae4b15",
							 "destination_endpoint": "313ce13e-b597-5858-ae13-29e46fea26e6",
							 "label": "nightly sync",
							 "sync_level": 3,
							 "verify_checksum": true,
							 "deadline": "2017-10-12T12:33:54+00:00",
							 "notify_on_failed": false,
							 "destination_local_user": "alice",
							 "filter_rules": [{"DATA_TYPE": "filter_rule", "method": "exclude", "name": "*.tmp", "type": "file"}],
							 "DATA": [
							   {"DATA_TYPE": "transfer_item", "source_path": "/share/godata/file1.txt",
							    "destination_path": "/~/file1.txt", "recursive": false},
							   {"DATA_TYPE": "transfer_item", "source_path": "/share/godata/dir/",
							    "destination_path": "/~/dir/", "recursive": true}]}
							""")));
		assertThat(result.code()).isEqualTo("Accepted");
		assertThat(result.isDuplicate()).isFalse();
		assertThat(result.taskId()).isEqualTo(TASK);
		assertThat(result.submissionId()).isEqualTo(SUBMISSION);
		assertThat(result.requestId()).isEqualTo("7HgMVYazI");
		assertThat(result.message()).startsWith("The transfer has been accepted");
	}

	@Test
	void submitTransferLeavesUnsetOptionsOutOfTheBody() {
		server.stubFor(post("/v0.10/transfer").willReturn(json(202, "transfer/submit_accepted.json")));
		TransferDocument document = new TransferDocument(SUBMISSION, "a", "b", null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null,
				List.of(new TransferDocument.Item("/x", "/y", false, "d41d8cd98f00b204e9800998ecf8427e", null)));

		this.client.submitTransfer(document);

		String sent = server.getAllServeEvents().get(0).getRequest().getBodyAsString();
		assertThat(sent).doesNotContain("null").doesNotContain("label").doesNotContain("filter_rules");
		server.verify(postRequestedFor(urlPathEqualTo("/v0.10/transfer")).withRequestBody(equalToJson("""
				{"DATA_TYPE": "transfer", "submission_id": "0f6c7b0e-1c3a-4b0e-9a31-0d2b5a0c7e11",
				 "source_endpoint": "a", "destination_endpoint": "b",
				 "DATA": [{"DATA_TYPE": "transfer_item", "source_path": "/x", "destination_path": "/y",
				           "recursive": false, "external_checksum": "d41d8cd98f00b204e9800998ecf8427e"}]}
				""")));
	}

	@Test
	void anItemOfUnknownTypeLeavesRecursiveOutSoThatTransferDetectsIt() {
		server.stubFor(post("/v0.10/transfer").willReturn(json(202, "transfer/submit_accepted.json")));
		TransferDocument document = new TransferDocument(SUBMISSION, "a", "b", null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, null,
				List.of(TransferDocument.Item.of("/data/run1", "/archive/run1", null),
						TransferDocument.Item.of("/data/run2/", "/archive/run2/", true),
						TransferDocument.Item.of("/data/f.txt", "/archive/f.txt", false)));

		this.client.submitTransfer(document);

		// Strict: a "recursive" key on the first item would not match.
		server.verify(postRequestedFor(urlPathEqualTo("/v0.10/transfer")).withRequestBody(equalToJson(
				"""
						{"DATA_TYPE": "transfer", "submission_id": "0f6c7b0e-1c3a-4b0e-9a31-0d2b5a0c7e11",
						 "source_endpoint": "a", "destination_endpoint": "b",
						 "DATA": [{"DATA_TYPE": "transfer_item", "source_path": "/data/run1", "destination_path": "/archive/run1"},
						          {"DATA_TYPE": "transfer_item", "source_path": "/data/run2/", "destination_path": "/archive/run2/",
						           "recursive": true},
						          {"DATA_TYPE": "transfer_item", "source_path": "/data/f.txt", "destination_path": "/archive/f.txt",
						           "recursive": false}]}
						""")));
	}

	@Test
	void filterRuleWithoutTypeLeavesTypeOut() {
		server.stubFor(post("/v0.10/transfer").willReturn(json(202, "transfer/submit_accepted.json")));
		TransferDocument document = new TransferDocument(SUBMISSION, "a", "b", null, null, null, null, null, null, null,
				null, null, null, null, null, null, null,
				List.of(new TransferDocument.FilterRule("include", "*.tgz", null)),
				List.of(TransferDocument.Item.of("/x/", "/y/", true)));

		this.client.submitTransfer(document);

		String sent = server.getAllServeEvents().get(0).getRequest().getBodyAsString();
		assertThat(sent).doesNotContain("null");
		server.verify(postRequestedFor(urlPathEqualTo("/v0.10/transfer")).withRequestBody(equalToJson(
				"{\"filter_rules\":[{\"DATA_TYPE\":\"filter_rule\",\"method\":\"include\",\"name\":\"*.tgz\"}]}", false,
				true)));
	}

	@Test
	void submitTransferWithoutSubmissionIdIsRefusedBeforeSending() {
		TransferDocument document = new TransferDocument(null, "a", "b", null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, List.of(TransferDocument.Item.of("/x", "/y", false)));

		assertThatIllegalArgumentException().isThrownBy(() -> this.client.submitTransfer(document));
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void submitTransferAnsweredDuplicateIsSuccessWithTheOriginalTask() {
		server.stubFor(post("/v0.10/transfer").willReturn(json(200, "transfer/submit_duplicate.json")));
		TransferDocument document = new TransferDocument(null, "a", "b", null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, List.of(TransferDocument.Item.of("/x", "/y", false)))
			.withSubmissionId(SUBMISSION);

		SubmitResult result = this.client.submitTransfer(document);

		assertThat(result.isDuplicate()).isTrue();
		assertThat(result.taskId()).isEqualTo(TASK);
		server.verify(postRequestedFor(urlPathEqualTo("/v0.10/transfer"))
			.withRequestBody(equalToJson("{\"submission_id\":\"" + SUBMISSION + "\"}", true, true)));
	}

	@Test
	void submitDeleteSendsTheDeleteDocument() {
		server.stubFor(post("/v0.10/delete").willReturn(json(202, "transfer/delete_accepted.json")));
		DeleteDocument document = new DeleteDocument("4c3bb4b2-0e0c-11ee-a4cf-6dd1a6b6c1a2", MAPPED, "clean up", null,
				null, true, false, null, null, null, null,
				List.of(new DeleteDocument.Item("/~/old data/"), new DeleteDocument.Item("/~/x#1.txt")));

		SubmitResult result = this.client.submitDelete(document);

		server.verify(postRequestedFor(urlPathEqualTo("/v0.10/delete")).withHeader("Authorization", equalTo(BEARER))
			.withRequestBody(equalToJson("""
					{"DATA_TYPE": "delete", "submission_id": "4c3bb4b2-0e0c-11ee-a4cf-6dd1a6b6c1a2",
					 "endpoint": "1405823f-0597-4a16-b296-46d4f0ae4b15", "label": "clean up",
					 "recursive": true, "ignore_missing": false,
					 "DATA": [{"DATA_TYPE": "delete_item", "path": "/~/old data/"},
					          {"DATA_TYPE": "delete_item", "path": "/~/x#1.txt"}]}
					""")));
		assertThat(result.code()).isEqualTo("Accepted");
		assertThat(result.taskId()).isEqualTo("6ea1a2bc-0e0c-11ee-a4cf-6dd1a6b6c1a2");
	}

	@Test
	void taskReadsEveryFieldOfAnActiveTask() {
		server.stubFor(get("/v0.10/task/" + TASK).willReturn(json(200, "transfer/task_active.json")));

		Task task = this.client.task(TASK);

		server.verify(
				getRequestedFor(urlPathEqualTo("/v0.10/task/" + TASK)).withHeader("Authorization", equalTo(BEARER)));
		assertThat(task.taskId()).isEqualTo(TASK);
		assertThat(task.type()).isEqualTo("TRANSFER");
		assertThat(task.status()).isEqualTo("ACTIVE");
		assertThat(task.niceStatus()).isEqualTo("OK");
		assertThat(task.niceStatusShortDescription()).isEqualTo("OK");
		assertThat(task.niceStatusDetails()).isNull();
		assertThat(task.niceStatusExpiresIn()).isEqualTo(-1L);
		assertThat(task.label()).isEqualTo("nightly sync");
		assertThat(task.ownerId()).isEqualTo("ae332d86-d274-11e5-b885-b31714a110e9");
		assertThat(task.requestTime()).isEqualTo("2022-01-26T19:18:20+00:00");
		assertThat(task.completionTime()).isNull();
		assertThat(task.deadline()).isEqualTo("2022-01-27T19:18:20+00:00");
		assertThat(task.sourceEndpointId()).isEqualTo("aa752cea-8222-5bc8-acd9-555b090c0ccb");
		assertThat(task.sourceEndpointDisplayName()).isEqualTo("Lab Data (mapped)");
		assertThat(task.destinationEndpointId()).isEqualTo("313ce13e-b597-5858-ae13-29e46fea26e6");
		assertThat(task.destinationEndpointDisplayName()).isEqualTo("Archive");
		assertThat(task.bytesTransferred()).isZero();
		assertThat(task.directories()).isEqualTo(1);
		assertThat(task.subtasksTotal()).isEqualTo(2);
		assertThat(task.subtasksPending()).isEqualTo(1);
		assertThat(task.subtasksSucceeded()).isEqualTo(1);
		assertThat(task.syncLevel()).isNull();
		assertThat(task.verifyChecksum()).isTrue();
		assertThat(task.encryptData()).isFalse();
		assertThat(task.isPaused()).isFalse();
		assertThat(task.ok()).isTrue();
		assertThat(task.fatalError()).isNull();
		assertThat(task.finished()).isFalse();
	}

	@Test
	void taskReadsWhyARunningTaskIsNotOk() {
		server.stubFor(get("/v0.10/task/" + TASK).willReturn(json(200, "transfer/task_active_retrying.json")));

		Task task = this.client.task(TASK);

		assertThat(task.status()).isEqualTo("ACTIVE");
		assertThat(task.ok()).isFalse();
		assertThat(task.niceStatus()).isEqualTo("PERMISSION_DENIED");
		assertThat(task.niceStatusDetails())
			.isEqualTo("Permission denied on '/share/restricted/a.csv' of collection 'Lab Data (mapped)'");
		assertThat(task.niceStatusExpiresIn()).isEqualTo(7380L);
		assertThat(task.faults()).isEqualTo(3);
		assertThat(task.canceledByAdmin()).isNull();
	}

	@Test
	void taskReadsWhichAdministratorCancelledItAndWhy() {
		server.stubFor(get("/v0.10/task/" + TASK).willReturn(json(200, "transfer/task_canceled_by_admin.json")));

		Task task = this.client.task(TASK);

		assertThat(task.status()).isEqualTo("FAILED");
		assertThat(task.canceledByAdmin()).isEqualTo("SOURCE");
		assertThat(task.canceledByAdminMessage()).isEqualTo("Storage maintenance tonight; please resubmit tomorrow.");
		assertThat(task.niceStatusExpiresIn()).isNull();
	}

	@Test
	void taskReadsTheFatalErrorOfAFailedTask() {
		String failed = "0c5e4d7a-9a2b-11ee-8c90-0242ac120002";
		server.stubFor(get("/v0.10/task/" + failed).willReturn(json(200, "transfer/task_failed.json")));

		Task task = this.client.task(failed);

		assertThat(task.finished()).isTrue();
		assertThat(task.fatalError()).isEqualTo(new Task.FatalError("FILE_NOT_FOUND", "file not found"));
		assertThat(task.faults()).isEqualTo(7);
		assertThat(task.filesTransferred()).isEqualTo(1);
		assertThat(task.effectiveBytesPerSecond()).isEqualTo(6234);
		assertThat(task.subtasksFailed()).isEqualTo(2);
		assertThat(task.syncLevel()).isEqualTo(3);
		assertThat(task.ok()).isNull();
		assertThat(GlobusTimes.parse(task.completionTime())).hasToString("2023-12-18T16:52:50Z");
	}

	@Test
	void tasksSendsFilterOrderAndPage() {
		server.stubFor(get(urlPathEqualTo("/v0.10/task_list")).willReturn(json(200, "transfer/task_list.json")));

		TaskList list = this.client
			.tasks(new TaskQuery(List.of("ACTIVE", "INACTIVE"), List.of(), "TRANSFER", null, null, 10, 20));

		server.verify(getRequestedFor(urlPathEqualTo("/v0.10/task_list")).withQueryParam("limit", equalTo("10"))
			.withQueryParam("offset", equalTo("20"))
			.withQueryParam("orderby", equalTo("request_time DESC"))
			.withQueryParam("filter", equalTo("status:ACTIVE,INACTIVE/type:TRANSFER"))
			.withHeader("Authorization", equalTo(BEARER)));
		assertThat(list.length()).isEqualTo(2);
		assertThat(list.limit()).isEqualTo(10);
		assertThat(list.offset()).isZero();
		assertThat(list.total()).isEqualTo(12);
		assertThat(list.data()).extracting(Task::status).containsExactly("ACTIVE", "SUCCEEDED");
		assertThat(list.data().get(0).niceStatus()).isEqualTo("Queued");
		assertThat(list.data().get(1).type()).isEqualTo("DELETE");
	}

	@Test
	void tasksWithoutConditionsSendsNoFilter() {
		server.stubFor(get(urlPathEqualTo("/v0.10/task_list")).willReturn(json(200, "transfer/task_list.json")));

		this.client.tasks(new TaskQuery(null, null, null, null, null, 0, 0));

		server.verify(getRequestedFor(urlPathEqualTo("/v0.10/task_list")).withQueryParam("filter", absent())
			.withQueryParam("limit", equalTo("25"))
			.withQueryParam("offset", equalTo("0")));
	}

	@Test
	void cancelTaskPostsWithoutBody() {
		server.stubFor(post("/v0.10/task/" + TASK + "/cancel").willReturn(json(200, "transfer/cancel_result.json")));

		OperationResult result = this.client.cancelTask(TASK);

		server.verify(postRequestedFor(urlPathEqualTo("/v0.10/task/" + TASK + "/cancel")).withHeader("Authorization",
				equalTo(BEARER)));
		assertThat(server.getAllServeEvents().get(0).getRequest().getBody()).isEmpty();
		assertThat(result.code()).isEqualTo("Canceled");
	}

	@Test
	void updateTaskPutsOnlyTheGivenFields() {
		server.stubFor(put("/v0.10/task/" + TASK).willReturn(json(200, "transfer/update_result.json")));

		OperationResult result = this.client.updateTask(TASK, "new label", null);

		server
			.verify(putRequestedFor(urlPathEqualTo("/v0.10/task/" + TASK)).withHeader("Authorization", equalTo(BEARER))
				.withRequestBody(equalToJson("{\"DATA_TYPE\":\"task\",\"label\":\"new label\"}")));
		assertThat(result.code()).isEqualTo("Updated");
	}

	@Test
	void taskEventsSendsPageAndErrorFilter() {
		server.stubFor(get(urlPathEqualTo("/v0.10/task/" + TASK + "/event_list"))
			.willReturn(json(200, "transfer/event_list.json")));

		TaskEventList events = this.client.taskEvents(TASK, 10, 0, true);

		server.verify(getRequestedFor(urlPathEqualTo("/v0.10/task/" + TASK + "/event_list"))
			.withQueryParam("limit", equalTo("10"))
			.withQueryParam("offset", equalTo("0"))
			.withQueryParam("filter", equalTo("is_error:1")));
		assertThat(events.total()).isEqualTo(2);
		assertThat(events.length()).isEqualTo(2);
		TaskEvent first = events.data().get(0);
		assertThat(first.code()).isEqualTo("PERMISSION_DENIED");
		assertThat(first.isError()).isTrue();
		assertThat(first.description()).isEqualTo("permission denied");
		assertThat(first.details()).contains("Permission denied");
		assertThat(first.time()).isEqualTo("2022-01-26T19:20:01+00:00");
		assertThat(events.data().get(1).isError()).isFalse();
	}

	@Test
	void taskEventsWithAllEventsSendsNoFilter() {
		server.stubFor(get(urlPathEqualTo("/v0.10/task/" + TASK + "/event_list"))
			.willReturn(json(200, "transfer/event_list.json")));

		this.client.taskEvents(TASK, 50, 100, false);

		server.verify(getRequestedFor(urlPathEqualTo("/v0.10/task/" + TASK + "/event_list"))
			.withQueryParam("filter", absent())
			.withQueryParam("limit", equalTo("50"))
			.withQueryParam("offset", equalTo("100")));
	}

	@Test
	void successfulTransfersFollowsTheMarker() {
		String path = "/v0.10/task/" + TASK + "/successful_transfers";
		server.stubFor(get(urlPathEqualTo(path)).withQueryParam("marker", absent())
			.willReturn(json(200, "transfer/successful_transfers_page1.json")));
		server.stubFor(get(urlPathEqualTo(path)).withQueryParam("marker", equalTo("93979"))
			.willReturn(json(200, "transfer/successful_transfers_page2.json")));

		TransferredFiles first = this.client.successfulTransfers(TASK, null);
		TransferredFiles second = this.client.successfulTransfers(TASK, first.nextMarker());

		assertThat(first.marker()).isZero();
		assertThat(first.nextMarker()).isEqualTo(93979L);
		assertThat(first.data()).extracting(TransferredFiles.Entry::sourcePath)
			.containsExactly("/home/alice/results/a.csv", "/home/alice/results/b c.csv");
		assertThat(first.data().get(1).destinationPath()).isEqualTo("/archive/results/b c.csv");
		assertThat(second.nextMarker()).isNull();
		assertThat(second.data()).hasSize(1);
		server.verify(2, getRequestedFor(urlPathEqualTo(path)).withHeader("Authorization", equalTo(BEARER)));
	}

	@Test
	void skippedErrorsReadsErrorCodeAndDetails() {
		String path = "/v0.10/task/" + TASK + "/skipped_errors";
		server.stubFor(get(urlPathEqualTo(path)).willReturn(json(200, "transfer/skipped_errors.json")));

		TransferredFiles skipped = this.client.skippedErrors(TASK, 7L);

		server.verify(getRequestedFor(urlPathEqualTo(path)).withQueryParam("marker", equalTo("7")));
		TransferredFiles.Entry entry = skipped.data().get(0);
		assertThat(entry.sourcePath()).isEqualTo("/home/alice/secret.txt");
		assertThat(entry.errorCode()).isEqualTo("PERMISSION_DENIED");
		assertThat(entry.errorDetails()).isEqualTo("Permission denied");
		assertThat(skipped.nextMarker()).isNull();
	}

	@Test
	void skippedErrorsFollowTheMarkerAndSayWhichPathsAreFolders() {
		String path = "/v0.10/task/" + TASK + "/skipped_errors";
		server.stubFor(get(urlPathEqualTo(path)).withQueryParam("marker", absent())
			.willReturn(json(200, "transfer/skipped_errors_page1.json")));
		server.stubFor(get(urlPathEqualTo(path)).withQueryParam("marker", equalTo("1"))
			.willReturn(json(200, "transfer/skipped_errors_page2.json")));

		TransferredFiles first = this.client.skippedErrors(TASK, null);
		TransferredFiles second = this.client.skippedErrors(TASK, first.nextMarker());

		assertThat(first.data()).singleElement().satisfies((entry) -> {
			assertThat(entry.sourcePath()).isEqualTo("/~/no-such-file");
			assertThat(entry.errorCode()).isEqualTo("FILE_NOT_FOUND");
			assertThat(entry.directory()).isFalse();
		});
		assertThat(first.nextMarker()).isEqualTo(1L);
		assertThat(second.data()).singleElement().satisfies((entry) -> {
			assertThat(entry.destinationPath()).isEqualTo("/~/copy/locked-folder/");
			assertThat(entry.directory()).isTrue();
		});
		assertThat(second.nextMarker()).isNull();
		server.verify(getRequestedFor(urlPathEqualTo(path)).withQueryParam("marker", equalTo("1"))
			.withHeader("Authorization", equalTo(BEARER)));
	}

	@Test
	void errorEventsNameThePathsInTheirDetails() {
		server.stubFor(get(urlPathEqualTo("/v0.10/task/" + TASK + "/event_list"))
			.withQueryParam("filter", equalTo("is_error:1"))
			.willReturn(json(200, "transfer/event_list_errors.json")));

		TaskEventList events = this.client.taskEvents(TASK, 100, 0, true);

		assertThat(events.total()).isEqualTo(4);
		assertThat(events.data()).extracting(TaskEvent::code)
			.containsExactly("PERMISSION_DENIED", "FILE_NOT_FOUND", "PERMISSION_DENIED", "CONNECTION_RESET");
		assertThat(events.data()).allMatch(TaskEvent::isError);
		assertThat(events.data().get(1).details()).contains("File: /projects/run42/<gone> & \"old\".csv\n");
	}

	@Test
	void pauseInfoReadsTheRulesThatHoldATask() {
		String path = "/v0.10/task/" + TASK + "/pause_info";
		server.stubFor(get(urlPathEqualTo(path)).willReturn(json(200, "transfer/pause_info.json")));

		PauseInfo info = this.client.pauseInfo(TASK);

		server.verify(getRequestedFor(urlPathEqualTo(path)).withHeader("Authorization", equalTo(BEARER)));
		assertThat(info.endpointDisplayName()).isEqualTo("ExamplePauseEndpoint");
		assertThat(info.message()).isEqualTo("This task is like super paused");
		assertThat(info.sourcePauseMessage()).isNull();
		assertThat(info.pauseRules()).singleElement().satisfies((rule) -> {
			assertThat(rule.message()).isEqualTo("SDK Test Pause Rule");
			assertThat(rule.endpointId()).isEqualTo("313ce13e-b597-5858-ae13-29e46fea26e6");
			assertThat(rule.startTime()).isNull();
			assertThat(rule.pauseTaskTransferWrite()).isTrue();
			assertThat(rule.pauseTaskDelete()).isTrue();
		});
	}

	@Test
	void bookmarksReadsTheBookmarkList() {
		server.stubFor(get("/v0.10/bookmark_list").willReturn(json(200, "transfer/bookmark_list.json")));

		List<Bookmark> bookmarks = this.client.bookmarks();

		server.verify(
				getRequestedFor(urlPathEqualTo("/v0.10/bookmark_list")).withHeader("Authorization", equalTo(BEARER)));
		assertThat(bookmarks).containsExactly(
				new Bookmark("da5d4a8c-5f0a-11ee-8c99-0242ac120002", "Lab results", MAPPED, "/home/alice/results/",
						true),
				new Bookmark("e4b3e3de-5f0a-11ee-8c99-0242ac120002", "Archive", "313ce13e-b597-5858-ae13-29e46fea26e6",
						"/archive/", null));
	}

	@Test
	void bookmarksOfAUserWithoutAnyIsEmpty() {
		server.stubFor(get("/v0.10/bookmark_list")
			.willReturn(aResponse().withStatus(200).withBody("{\"DATA_TYPE\":\"bookmark_list\",\"DATA\":[]}")));

		assertThat(this.client.bookmarks()).isEmpty();
	}

	@Test
	void createBookmarkPostsNameCollectionAndPath() {
		server.stubFor(post("/v0.10/bookmark").willReturn(json(200, "transfer/bookmark.json")));

		Bookmark bookmark = this.client.createBookmark("My data", MAPPED, "/~/my data/");

		server.verify(postRequestedFor(urlPathEqualTo("/v0.10/bookmark")).withHeader("Authorization", equalTo(BEARER))
			.withRequestBody(equalToJson("{\"DATA_TYPE\":\"bookmark\",\"name\":\"My data\",\"endpoint_id\":\"" + MAPPED
					+ "\",\"path\":\"/~/my data/\"}")));
		assertThat(bookmark.id()).isEqualTo("f1c2b3a4-5f0a-11ee-8c99-0242ac120002");
		assertThat(bookmark.pinned()).isFalse();
	}

	@Test
	void renameBookmarkPutsTheNewName() {
		String id = "f1c2b3a4-5f0a-11ee-8c99-0242ac120002";
		server.stubFor(put("/v0.10/bookmark/" + id).willReturn(json(200, "transfer/bookmark.json")));

		Bookmark bookmark = this.client.renameBookmark(id, "My data");

		server.verify(putRequestedFor(urlPathEqualTo("/v0.10/bookmark/" + id))
			.withRequestBody(equalToJson("{\"DATA_TYPE\":\"bookmark\",\"name\":\"My data\"}")));
		assertThat(bookmark.name()).isEqualTo("My data");
	}

	@Test
	void deleteBookmarkSendsDelete() {
		String id = "f1c2b3a4-5f0a-11ee-8c99-0242ac120002";
		server.stubFor(delete("/v0.10/bookmark/" + id).willReturn(json(200, "transfer/bookmark_deleted.json")));

		this.client.deleteBookmark(id);

		server.verify(deleteRequestedFor(urlPathEqualTo("/v0.10/bookmark/" + id)).withHeader("Authorization",
				equalTo(BEARER)));
	}

	@Test
	void pathVariablesAreEncodedSoTheyCannotEscapeTheirSegment() {
		server.stubFor(get(urlPathEqualTo("/v0.10/task/a%2Fb%3Fc")).willReturn(json(200, "transfer/task_active.json")));

		this.client.task("a/b?c");

		server.verify(getRequestedFor(urlPathEqualTo("/v0.10/task/a%2Fb%3Fc")));
	}

}
