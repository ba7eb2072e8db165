package org.transferportal.globus;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import org.transferportal.globus.GlobusFixtures.RecordingSleeper;
import org.transferportal.globus.GlobusFixtures.Tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.transferportal.globus.GlobusFixtures.json;

/**
 * How long the portal waits for Globus and how much of an answer it reads: Globus's own
 * timeout for every call but a submit click, and answers far beyond WebFlux's 256 KiB
 * default.
 */
class AnswerSizeAndTimeoutTests {

	private static final String MAPPED = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	private static final String TASK = "b8872740-7edc-11ec-9f33-ed182a728dff";

	private static final String LS = "/v0.10/operation/endpoint/" + MAPPED + "/ls";

	private static final int MEBIBYTE = 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final GlobusServer server = new GlobusServer();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	private TransferClient client(GlobusProperties properties) {
		return GlobusFixtures.clients(properties, this.sleeper).transfer(new Tokens("AgXferTok0123", "AgXferTokNew"));
	}

	@Test
	void theDefaultsWaitAsLongAsGlobusSdkButBoundASubmitClickAndReadSixteenMegabytes() {
		GlobusProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of("globus.client-id", "id")))
			.bindOrCreate("globus", GlobusProperties.class);

		assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(defaults.submitTimeout()).isEqualTo(Duration.ofSeconds(15));
		assertThat(defaults.submitRetries()).isEqualTo(1);
		assertThat(defaults.maxAnswerSize()).isEqualTo(DataSize.ofMegabytes(16));
		assertThat(defaults.forSubmission().timeout()).isEqualTo(Duration.ofSeconds(15));
		assertThat(defaults.forSubmission().maxRetries()).isEqualTo(1);
	}

	@Test
	void aListingPageOfMoreThanOneMebibyteIsRead() {
		String body = listing(4000);
		assertThat(body.length()).isGreaterThan(MEBIBYTE);
		server.stubFor(get(urlPathEqualTo(LS))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));

		FileList list = client(GlobusFixtures.properties(server)).list(MAPPED,
				new ListingQuery("/~/", false, null, List.of(), 4000, 0, null));

		assertThat(list.data()).hasSize(4000);
		assertThat(list.data().get(3999).name()).startsWith("run-3999-");
		assertThat(list.total()).isEqualTo(4000);
	}

	@Test
	void aLongPageOfATasksTransferredFilesIsRead() {
		String body = transferredFiles(1000);
		assertThat(body.length()).isGreaterThan(MEBIBYTE);
		server.stubFor(get(urlPathEqualTo("/v0.10/task/" + TASK + "/successful_transfers"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));

		TransferredFiles files = client(GlobusFixtures.properties(server)).successfulTransfers(TASK, null);

		assertThat(files.data()).hasSize(1000);
		assertThat(files.data().get(999).destinationPath()).startsWith("/archive/").endsWith("/file-999.dat");
		assertThat(files.nextMarker()).isEqualTo(93979L);
	}

	@Test
	void anAnswerLargerThanTheLimitIsTooLargeAndNotAskedForAgain() {
		server.stubFor(get(urlPathEqualTo(LS)).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(listing(4000))));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class,
				() -> client(limitedTo(DataSize.ofMegabytes(1))).list(MAPPED, ListingQuery.of("/~/")));

		assertThat(ex.code()).isEqualTo("AnswerTooLarge");
		assertThat(ex.status()).isEqualTo(200);
		assertThat(ex.getMessage()).contains("more than 1 MB").doesNotContain("Unreachable");
		assertThat(ex.resource()).isEqualTo(LS);
		server.verify(1, getRequestedFor(urlPathEqualTo(LS)));
		assertThat(this.sleeper.waits).isEmpty();
	}

	@Test
	void aTooLargeErrorPageIsNotRetriedLikeATransientError() {
		server.stubFor(get(urlPathEqualTo(LS)).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("x".repeat(2 * MEBIBYTE))));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class,
				() -> client(limitedTo(DataSize.ofMegabytes(1))).list(MAPPED, ListingQuery.of("/~/")));

		assertThat(ex.code()).isEqualTo("AnswerTooLarge");
		server.verify(1, getRequestedFor(urlPathEqualTo(LS)));
	}

	@Test
	void aSubmissionWaitsOnlyTheSubmitTimeoutAndRetriesOnlySubmitRetries() {
		server.stubFor(post(urlPathEqualTo("/v0.10/transfer"))
			.willReturn(json(202, "transfer/submit_accepted.json").withFixedDelay(1500)));
		GlobusProperties properties = withSubmitPolicy(Duration.ofSeconds(5), 3, Duration.ofMillis(200), 1);

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class,
				() -> client(properties).submitTransfer(document()));

		assertThat(ex.code()).isEqualTo("Unreachable");
		// One retry, so one wait; WireMock may log a delayed request only after it
		// answered.
		assertThat(this.sleeper.waits).hasSize(1);
	}

	@Test
	void theSubmissionIdOfAClickIsBoundedLikeItsSubmission() {
		server.stubFor(get(urlPathEqualTo("/v0.10/submission_id"))
			.willReturn(json(200, "transfer/submission_id.json").withFixedDelay(1500)));
		GlobusProperties properties = withSubmitPolicy(Duration.ofSeconds(5), 3, Duration.ofMillis(200), 0);

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client(properties).submissionId());

		assertThat(ex.code()).isEqualTo("Unreachable");
		assertThat(this.sleeper.waits).isEmpty();
	}

	@Test
	void aClicksCollectionDocumentIsBoundedLikeItsSubmissionWhileOtherPagesWaitTheFullTimeout() {
		server.stubFor(get(urlPathEqualTo("/v0.10/endpoint/" + MAPPED))
			.willReturn(json(200, "transfer/endpoint_mapped.json").withFixedDelay(1500)));
		GlobusProperties properties = withSubmitPolicy(Duration.ofSeconds(5), 0, Duration.ofMillis(200), 0);

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class,
				() -> client(properties).forSubmission().collection(MAPPED));

		assertThat(ex.code()).isEqualTo("Unreachable");
		assertThat(client(properties).collection(MAPPED).id()).isEqualTo(MAPPED);
	}

	@Test
	void aSlowListingIsWaitedForWithTheFullTimeoutNotTheSubmitOne() {
		server.stubFor(get(urlPathEqualTo(LS)).willReturn(json(200, "transfer/ls.json").withFixedDelay(600)));
		GlobusProperties properties = withSubmitPolicy(Duration.ofSeconds(5), 0, Duration.ofMillis(200), 0);

		FileList list = client(properties).list(MAPPED, ListingQuery.of("/~/"));

		assertThat(list.data()).hasSize(2);
	}

	private static TransferDocument document() {
		return new TransferDocument("0f6c7b0e-1c3a-4b0e-9a31-0d2b5a0c7e11", MAPPED,
				"313ce13e-b597-5858-ae13-29e46fea26e6", "nightly", null, true, null, null, null, null, null, null, null,
				null, null, null, null, null, List.of(TransferDocument.Item.of("/data/run1/", "/~/run1/", true)));
	}

	private static GlobusProperties withSubmitPolicy(Duration timeout, int retries, Duration submitTimeout,
			int submitRetries) {
		GlobusProperties base = GlobusFixtures.properties(server, timeout, retries);
		return new GlobusProperties(base.clientId(), base.clientSecret(), base.authUrl(), base.transferUrl(),
				base.groupsUrl(), timeout, retries, base.retryBaseDelay(), base.maxRetryDelay(), submitTimeout,
				submitRetries, base.maxAnswerSize());
	}

	private static GlobusProperties limitedTo(DataSize size) {
		GlobusProperties base = GlobusFixtures.properties(server);
		return new GlobusProperties(base.clientId(), base.clientSecret(), base.authUrl(), base.transferUrl(),
				base.groupsUrl(), base.timeout(), base.maxRetries(), base.retryBaseDelay(), base.maxRetryDelay(),
				base.submitTimeout(), base.submitRetries(), size);
	}

	/** The canned listing's file entry, repeated with long, distinct names. */
	static String listing(int entries) {
		ObjectNode page = (ObjectNode) JSON.readTree(GlobusFixtures.body("transfer/ls.json"));
		ObjectNode file = (ObjectNode) page.path("DATA").path(1);
		ArrayNode data = page.putArray("DATA");
		for (int i = 0; i < entries; i++) {
			data.add(file.deepCopy().put("name", "run-" + i + "-" + "calibrated-detector-output-".repeat(4) + ".csv"));
		}
		page.put("length", entries);
		page.put("total", entries);
		return page.toString();
	}

	/** The canned page of transferred files, repeated with deep paths. */
	private static String transferredFiles(int entries) {
		ObjectNode page = (ObjectNode) JSON.readTree(GlobusFixtures.body("transfer/successful_transfers_page1.json"));
		ObjectNode file = (ObjectNode) page.path("DATA").path(0);
		ArrayNode data = page.putArray("DATA");
		String folders = "instrument-run-2024/".repeat(30);
		for (int i = 0; i < entries; i++) {
			data.add(file.deepCopy()
				.put("source_path", "/home/alice/" + folders + "file-" + i + ".dat")
				.put("destination_path", "/archive/" + folders + "file-" + i + ".dat"));
		}
		return page.toString();
	}

}
