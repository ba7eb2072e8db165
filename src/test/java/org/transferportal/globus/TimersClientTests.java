package org.transferportal.globus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import org.transferportal.globus.GlobusFixtures.RecordingSleeper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.transferportal.globus.GlobusFixtures.json;

/**
 * Globus Timers against WireMock, with the bodies of Globus's SDK fixtures and the
 * service's OpenAPI (reference §1): v2 create, the v1 jobs API, and Timers' two error
 * shapes.
 */
class TimersClientTests {

	private static final String TIMER = "b0fbc7b0-5a1b-4e3f-9c0d-7a1e2f3b4c5d";

	private static final String LAB_DATA = "1405823f-0597-4a16-b296-46d4f0ae4b15";

	private static final String ARCHIVE = "313ce13e-b597-5858-ae13-29e46fea26e6";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final GlobusServer server = new GlobusServer();

	private final RecordingSleeper sleeper = new RecordingSleeper();

	private final GlobusFixtures.Tokens tokens = new GlobusFixtures.Tokens("AgTimersTok1", "AgTimersTok2");

	private TimersClient client() {
		GlobusProperties base = GlobusFixtures.properties(server);
		// A trailing slash on purpose: the client must not produce "//jobs/". Generous
		// timeouts: a busy machine must not leave a late request in the next test's
		// journal.
		GlobusProperties properties = new GlobusProperties(base.clientId(), base.clientSecret(), base.authUrl(),
				base.transferUrl(), base.groupsUrl(), Duration.ofSeconds(10), 3, Duration.ofMillis(200),
				Duration.ofSeconds(10), Duration.ofSeconds(10), 1, DataSize.ofMegabytes(16), server.baseUrl() + "/");
		return GlobusFixtures.clients(properties, this.sleeper).timers(this.tokens);
	}

	private static TransferDocument nightlySync() {
		return new TransferDocument("a-submission-id", LAB_DATA, ARCHIVE, "nightly sync", 2, null, true, false, null,
				false, false, false, false, true, true, null, null,
				List.of(new TransferDocument.FilterRule("exclude", "*.tmp", "file")),
				List.of(TransferDocument.Item.of("/raw/", "/archive/raw/", true),
						TransferDocument.Item.of("/manifest.csv", "/archive/manifest.csv", null)));
	}

	@Test
	void createSendsATransferTimerWithItsScheduleAndReadsTheV2Answer() {
		server.stubFor(post("/v2/timer").willReturn(json(201, "timers/create_timer.json")));
		Instant start = Instant.parse("2026-09-01T02:00:00Z");

		CreatedTimer created = client().create(new TransferTimer("nightly raw -> archive",
				TimerSchedule.recurring(86400, start, TimerSchedule.End.afterRuns(30)), nightlySync()));

		assertThat(created.id()).isEqualTo(TIMER);
		assertThat(created.status()).isEqualTo("new");
		assertThat(created.nextRun()).isEqualTo(start);
		server.verify(
				postRequestedFor(urlEqualTo("/v2/timer")).withHeader("Authorization", equalTo("Bearer AgTimersTok1")));
		JsonNode timer = sent("/v2/timer").path("timer");
		assertThat(timer.path("timer_type").asString()).isEqualTo("transfer");
		assertThat(timer.path("name").asString()).isEqualTo("nightly raw -> archive");
		assertThat(timer.path("resource_server").asString()).isEqualTo("transfer.api.globus.org");
		assertThat(timer.path("schedule")).isEqualTo(JSON.readTree("""
				{"type": "recurring", "interval_seconds": 86400, "start": "2026-09-01T02:00:00+00:00",
				 "end": {"condition": "iterations", "count": 30}}"""));
		JsonNode body = timer.path("body");
		assertThat(body.has("submission_id")).as("Timers makes a submission id per run").isFalse();
		assertThat(body.path("DATA_TYPE").asString()).isEqualTo("transfer");
		assertThat(body.path("source_endpoint").asString()).isEqualTo(LAB_DATA);
		assertThat(body.path("sync_level").asInt()).isEqualTo(2);
		assertThat(body.path("verify_checksum").asBoolean()).as("sent, as Timers' default is off").isTrue();
		assertThat(body.path("DATA").get(0).path("DATA_TYPE").asString()).isEqualTo("transfer_item");
		assertThat(body.path("DATA").get(1).has("recursive")).isFalse();
		assertThat(body.path("filter_rules").get(0).path("DATA_TYPE").asString()).isEqualTo("filter_rule");
	}

	@Test
	void aOnceScheduleIsSentWithItsDatetimeOnly() {
		server.stubFor(post("/v2/timer").willReturn(json(201, "timers/create_timer.json")));

		client().create(
				new TransferTimer("once", TimerSchedule.once(Instant.parse("2026-09-22T00:00:00Z")), nightlySync()));

		assertThat(sent("/v2/timer").path("timer").path("schedule"))
			.isEqualTo(JSON.readTree("{\"type\": \"once\", \"datetime\": \"2026-09-22T00:00:00+00:00\"}"));
	}

	@Test
	void aCreateWhoseAnswerIsLostIsNotSentAgain() {
		server.stubFor(post("/v2/timer").willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client()
			.create(new TransferTimer("x", TimerSchedule.recurring(3600, null, null), nightlySync())));

		assertThat(ex.status()).isEqualTo(502);
		server.verify(1, postRequestedFor(urlEqualTo("/v2/timer")));
		assertThat(this.sleeper.waits).isEmpty();
	}

	@Test
	void aJobIsReadWithItsRunsTheirTasksAndItsSchedule() {
		server.stubFor(get(urlPathEqualTo("/jobs/" + TIMER)).willReturn(json(200, "timers/get_job.json")));

		TimerJob job = client().job(TIMER, 50);

		server.verify(getRequestedFor(urlEqualTo("/jobs/" + TIMER + "?page_size=50")));
		assertThat(job.id()).isEqualTo(TIMER);
		assertThat(job.status()).isEqualTo("active");
		assertThat(job.runCount()).isEqualTo(2);
		assertThat(job.errorCount()).isEqualTo(1);
		assertThat(job.nextRun()).isEqualTo(Instant.parse("2026-09-03T02:00:00Z"));
		assertThat(job.sourceCollection()).isEqualTo(LAB_DATA);
		assertThat(job.destinationCollection()).isEqualTo(ARCHIVE);
		assertThat(job.schedule().recurring()).isTrue();
		assertThat(job.schedule().intervalSeconds()).isEqualTo(86400);
		assertThat(job.schedule().end()).isEqualTo(TimerSchedule.End.afterRuns(30));
		assertThat(job.activity().code()).isEqualTo("awaiting_next_run");
		assertThat(job.runs()).hasSize(2);
		TimerRun newest = job.runs().get(0);
		assertThat(newest.ranAt()).isEqualTo(Instant.parse("2026-09-02T02:00:01Z"));
		assertThat(newest.taskId()).isEqualTo("7a3e1f2c-9b4d-11ee-8c90-0242ac120002");
		assertThat(newest.taskStatus()).isEqualTo("SUCCEEDED");
		assertThat(newest.failed()).isFalse();
		TimerRun oldest = job.runs().get(1);
		assertThat(oldest.taskId()).isNull();
		assertThat(oldest.failed()).isTrue();
		assertThat(oldest.error())
			.isEqualTo("ExternalError.DirListingFailed.NotFound: No such file or directory: /raw/");
		assertThat(job.needsAuthorization()).isFalse();
	}

	@Test
	void anInactiveJobSaysWhichConsentItNeeds() {
		server.stubFor(
				get(urlPathEqualTo("/jobs/" + TIMER)).willReturn(json(200, "timers/get_job_inactive_consent.json")));

		TimerJob job = client().job(TIMER, 0);

		assertThat(job.inactive()).isTrue();
		assertThat(job.needsAuthorization()).isTrue();
		assertThat(job.inactiveReason().code()).isEqualTo("ConsentRequired");
		assertThat(job.inactiveReason().parameters().requiredScopes()).containsExactly(GlobusScopes.TIMER
				+ "[urn:globus:auth:scope:transfer.api.globus.org:all[*https://auth.globus.org/scopes/" + LAB_DATA
				+ "/data_access]]");
		assertThat(job.inactiveReason().parameters().sessionMessage())
			.isEqualTo("Missing required data_access consent");
		assertThat(job.activity().reason()).isEqualTo("globus_auth_requirements");
		assertThat(job.runs()).isEmpty();
	}

	@Test
	void anOlderTimerAsksForItsIdentityAndItsActionProviderScopeChain() {
		server.stubFor(
				get(urlPathEqualTo("/jobs/" + TIMER)).willReturn(json(200, "timers/get_job_inactive_identity.json")));

		TimerJob job = client().job(TIMER, 0);

		AuthorizationParameters parameters = job.inactiveReason().parameters();
		assertThat(parameters.sessionRequiredIdentities()).containsExactly("foo@globusid.org");
		assertThat(parameters.requiresSession()).isTrue();
		assertThat(Scope.parse(parameters.requiredScopes().get(0)).get(0).names()).contains(
				"https://auth.globus.org/scopes/actions.globus.org/transfer/transfer",
				"urn:globus:auth:scope:transfer.api.globus.org:all");
		assertThat(job.schedule().intervalSeconds()).as("from the v1 interval").isEqualTo(604800);
		assertThat(job.schedule().end()).isNull();
	}

	@Test
	void listingAsksForNamesContainingAMarkAndReadsEachJob() {
		server.stubFor(get(urlPathEqualTo("/jobs/")).willReturn(json(200, "timers/list_jobs.json")));

		List<TimerJob> jobs = client().jobs("#3f2a9c1e4b7d", List.of("active", "inactive"));

		server.verify(getRequestedFor(urlPathEqualTo("/jobs/")).withQueryParam("filter_name", equalTo("#3f2a9c1e4b7d"))
			.withQueryParam("filter_status", equalTo("active,inactive"))
			.withQueryParam("order", equalTo("submitted_at asc")));
		assertThat(jobs).extracting(TimerJob::name).containsExactly("nightly raw -> archive #3f2a9c1e4b7d", "one copy");
		assertThat(jobs.get(0).schedule().end())
			.isEqualTo(new TimerSchedule.End("time", null, "2026-10-01T00:00:00+00:00"));
		assertThat(jobs.get(1).schedule().recurring()).as("a null interval is one run").isFalse();
		assertThat(jobs.get(1).ended()).isTrue();
	}

	@Test
	void aListIsRetriedAfterAFailureAsAReadIs() {
		server.stubFor(get(urlPathEqualTo("/jobs/")).inScenario("flaky")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("up"));
		server.stubFor(get(urlPathEqualTo("/jobs/")).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(json(200, "timers/list_jobs.json")));

		assertThat(client().jobs(null, List.of())).hasSize(2);
		server.verify(2, getRequestedFor(urlPathEqualTo("/jobs/")));
	}

	@Test
	void renamePatchesOnlyTheName() {
		server.stubFor(patch(urlEqualTo("/jobs/" + TIMER)).willReturn(json(200, "timers/get_job.json")));

		client().rename(TIMER, "nightly sync, renamed");

		server.verify(patchRequestedFor(urlEqualTo("/jobs/" + TIMER))
			.withRequestBody(equalToJson("{\"name\": \"nightly sync, renamed\"}")));
	}

	@Test
	void pauseAndResumeWithNewCredentialsAsTheQueryParameterTheServiceDeclares() {
		server.stubFor(post("/jobs/" + TIMER + "/pause").willReturn(json(200, "timers/pause_job.json")));
		server.stubFor(
				post(urlPathEqualTo("/jobs/" + TIMER + "/resume")).willReturn(json(200, "timers/resume_job.json")));

		assertThat(client().pause(TIMER)).isEqualTo("Successfully paused job " + TIMER + ".");
		assertThat(client().resume(TIMER, true)).isEqualTo("Successfully resumed job " + TIMER + ".");
		client().resume(TIMER, false);

		server.verify(postRequestedFor(urlEqualTo("/jobs/" + TIMER + "/resume?update_credentials=true")));
		server.verify(postRequestedFor(urlEqualTo("/jobs/" + TIMER + "/resume")));
	}

	@Test
	void deleteAnswersWithTheTimerBeingDeleted() {
		server.stubFor(delete(urlEqualTo("/jobs/" + TIMER)).willReturn(json(200, "timers/delete_job.json")));

		TimerJob job = client().delete(TIMER);

		server.verify(deleteRequestedFor(urlEqualTo("/jobs/" + TIMER)));
		assertThat(job.status()).isEqualTo("delete_in_progress");
		assertThat(job.ended()).isTrue();
	}

	@Test
	void aValidationErrorSaysWhichFieldsAreWrong() {
		server.stubFor(post("/v2/timer").willReturn(json(422, "timers/error_validation.json")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class,
				() -> client().create(new TransferTimer("x", TimerSchedule.recurring(30, null, null), nightlySync())));

		assertThat(ex.status()).isEqualTo(422);
		assertThat(ex.code()).isEqualTo("ValidationError");
		assertThat(ex.getMessage()).contains("schedule.end.count: field required")
			.contains("schedule.interval_seconds: ensure this value is greater than or equal to 60");
	}

	@Test
	void otherErrorsCarryTimersCodeAndDetail() {
		server.stubFor(get(urlPathEqualTo("/jobs/" + TIMER)).willReturn(json(404, "timers/error_not_found.json")));

		GlobusApiException ex = catchThrowableOfType(GlobusApiException.class, () -> client().job(TIMER, 0));

		assertThat(ex.status()).isEqualTo(404);
		assertThat(ex.code()).isEqualTo("NOT_FOUND");
		assertThat(ex.getMessage()).isEqualTo("Job " + TIMER + " not found");
	}

	@Test
	void aRefusedTokenIsRefreshedOnceAndTheCallRepeated() {
		server.stubFor(get(urlPathEqualTo("/jobs/" + TIMER)).withHeader("Authorization", equalTo("Bearer AgTimersTok1"))
			.willReturn(json(401, "timers/error_other.json").withBody(
					"{\"error\": {\"code\": \"AUTHENTICATION_ERROR\", \"detail\": \"Token is not active\", \"status\": 401}}")));
		server.stubFor(get(urlPathEqualTo("/jobs/" + TIMER)).withHeader("Authorization", equalTo("Bearer AgTimersTok2"))
			.willReturn(json(200, "timers/get_job.json")));

		assertThat(client().job(TIMER, 0).id()).isEqualTo(TIMER);
		assertThat(this.tokens.refreshes).isEqualTo(1);
	}

	private static JsonNode sent(String path) {
		return JSON.readTree(server.findAll(postRequestedFor(urlEqualTo(path))).get(0).getBodyAsString());
	}

}
