package org.transferportal.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.transferportal.simulator.SimulatedGlobusBrowser.TRANSFER_ALL;
import static org.transferportal.simulator.SimulatedGlobusBrowser.dataAccess;
import static org.transferportal.simulator.SimulatedGlobusBrowser.json;
import static org.transferportal.simulator.SimulatedGlobusBrowser.tokenFor;
import static org.transferportal.simulator.SimulatedTransferApi.LAB_DATA;
import static org.transferportal.simulator.SimulatedTransferApi.SHARED_RESULTS;
import static org.transferportal.simulator.SimulatedTransferApi.TUTORIAL_1;
import static org.transferportal.simulator.SimulatedTransferApi.TUTORIAL_2;

/**
 * Contract tests of the simulated Globus Timers over HTTP (reference §1): the v2 create
 * answer and the v1 job documents whose runs link real simulated tasks, FastAPI's 422 for
 * bad schedules, a run without its consent making the timer inactive with the Globus Auth
 * requirement, resume with {@code update_credentials} as query or body, pause, rename,
 * delete, and an answer lost after the timer was made.
 */
// The same settings as the Transfer contract tests, so that both share one context.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "simulator.enabled=true",
		"simulator.time-acceleration=40", "simulator.faults[0]=POST /delete:502:1" })
class SimulatedGlobusTimersIntegrationTests {

	static final String API = "/simulator/timers";

	static final String TIMERS = "524230d7-ea86-4a52-8312-86065a9e0417";

	static final String TIMER_SCOPE = "https://auth.globus.org/scopes/" + TIMERS + "/timer";

	@LocalServerPort
	int port;

	@Autowired
	SimulatorProperties simulator;

	@Autowired
	FaultInjector faults;

	SimulatedGlobusBrowser browser;

	@BeforeEach
	void newBrowser() {
		this.browser = new SimulatedGlobusBrowser(this.port, this.simulator);
	}

	/**
	 * A login's Timers and Transfer tokens, consenting to the timer scope with these
	 * data_access below.
	 */
	Tokens login(String identity, String... collections) {
		String transfer = TRANSFER_ALL;
		if (collections.length > 0) {
			transfer += "[*" + String.join(" *", List.of(collections).stream().map((c) -> dataAccess(c)).toList())
					+ "]";
		}
		JsonNode answer = new SimulatedGlobusBrowser(this.port, this.simulator).login(identity,
				"openid " + TRANSFER_ALL + " " + TIMER_SCOPE + "[" + transfer + "]", Map.of());
		return new Tokens(tokenFor(answer, TIMERS).path("access_token").asString(),
				tokenFor(answer, "transfer.api.globus.org").path("access_token").asString());
	}

	record Tokens(String timers, String transfer) {
	}

	HttpResponse<String> call(String method, String path, String token, String body) {
		return this.browser.send(method, API + path, token, body);
	}

	static String timer(String schedule, String source, String sourcePath, String destination, String destinationPath) {
		return """
				{"timer": {"timer_type": "transfer", "name": "contract %s", "schedule": %s,
				  "resource_server": "transfer.api.globus.org",
				  "body": {"DATA_TYPE": "transfer", "source_endpoint": "%s", "destination_endpoint": "%s",
				           "label": "timer run", "verify_checksum": true,
				           "DATA": [{"DATA_TYPE": "transfer_item", "source_path": "%s", "destination_path": "%s",
				                     "recursive": true}]}}}
				""".formatted(UUID.randomUUID().toString().substring(0, 8), schedule, source, destination, sourcePath,
				destinationPath);
	}

	String create(String token, String document) {
		HttpResponse<String> created = call("POST", "/v2/timer", token, document);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created).path("timer").path("job_id").asString();
	}

	JsonNode job(String token, String id) {
		HttpResponse<String> job = call("GET", "/jobs/" + id, token, null);
		assertThat(job.statusCode()).as(job.body()).isEqualTo(200);
		return json(job);
	}

	/** Reads the job until it meets the condition (polling, never timing). */
	JsonNode await(String token, String id, Predicate<JsonNode> condition, String what) throws InterruptedException {
		Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
		JsonNode job = job(token, id);
		while (!condition.test(job)) {
			if (Instant.now().isAfter(giveUp)) {
				throw new AssertionError("Timer " + id + " never " + what + ": " + job);
			}
			Thread.sleep(50);
			job = job(token, id);
		}
		return job;
	}

	@Test
	void aTimerIsAnsweredInV2AndItsRunsSubmitTasksTheJobsApiLinks() throws Exception {
		this.browser.revokeAllConsents("alice");
		// The tutorial collections are mapped: their data_access goes below the timer.
		Tokens tokens = login("alice", TUTORIAL_1, TUTORIAL_2);
		String start = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
		HttpResponse<String> created = call("POST", "/v2/timer", tokens.timers(),
				timer("{\"type\": \"recurring\", \"interval_seconds\": 3600, \"start\": \"" + start
						+ "\", \"end\": {\"condition\": \"iterations\", \"count\": 3}}", TUTORIAL_1, "/share/godata/",
						TUTORIAL_2, "/~/timer-" + UUID.randomUUID() + "/"));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode timer = json(created).path("timer");
		assertThat(timer.path("status").asString()).isEqualTo("new");
		assertThat(timer.path("timer_type").asString()).isEqualTo("transfer");
		assertThat(timer.path("number_of_runs").asInt()).isZero();
		assertThat(Instant.parse(timer.path("next_run").asString().replace("+00:00", "Z")))
			.isEqualTo(Instant.parse(start));
		assertThat(timer.path("schedule").path("end").path("count").asInt()).isEqualTo(3);
		String id = timer.path("job_id").asString();

		JsonNode ended = await(tokens.timers(), id, (j) -> "ended".equals(j.path("status").asString()), "ended");
		assertThat(ended.path("n_runs").asInt()).isEqualTo(3);
		assertThat(ended.path("interval").asDouble()).isEqualTo(3600.0);
		assertThat(ended.path("stop_after").path("n_runs").asInt()).isEqualTo(3);
		assertThat(ended.path("callback_body").path("body").path("source_endpoint").asString()).isEqualTo(TUTORIAL_1);
		JsonNode runs = ended.path("results").path("data");
		assertThat(runs).hasSize(3);
		// Newest first, one an hour apart on the timer's clock, from the start.
		assertThat(runs.get(2).path("ran_at").asString()).isEqualTo(start.replace("Z", "+00:00"));
		String taskId = runs.get(0).path("data").path("details").path("task_id").asString();
		assertThat(runs.get(0).path("data").path("action_id").asString()).isEqualTo(taskId);
		assertThat(runs.get(0).path("status").asInt()).isEqualTo(202);
		HttpResponse<String> task = this.browser.get("/simulator/transfer/v0.10/task/" + taskId, tokens.transfer());
		assertThat(task.statusCode()).as("a real task of the owner").isEqualTo(200);
		assertThat(json(task).path("label").asString()).isEqualTo("timer run");
	}

	@Test
	void badSchedulesAndDocumentsAreRefusedWithFastApisValidationErrors() {
		this.browser.revokeAllConsents("carol");
		Tokens tokens = login("carol");
		String later = Instant.now().plus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
		Map<String, String> schedules = Map.of(
				"{\"type\": \"recurring\", \"interval_seconds\": 600, \"end\": {\"condition\": \"iterations\", \"iterations\": 10}}",
				"schedule.end.iterations: extra fields not permitted",
				"{\"type\": \"recurring\", \"interval_seconds\": 59}",
				"schedule.interval_seconds: ensure this value is greater than or equal to 60",
				"{\"type\": \"recurring\", \"interval_seconds\": 31536001}",
				"schedule.interval_seconds: ensure this value is less than or equal to 31536000",
				"{\"type\": \"recurring\", \"interval_seconds\": 3600, \"start\": \"" + later + "\"}",
				"schedule.start: must be within one year of submission", "{\"type\": \"weekly\"}",
				"schedule.type: unexpected value");
		schedules.forEach((schedule, problem) -> {
			HttpResponse<String> refused = call("POST", "/v2/timer", tokens.timers(),
					timer(schedule, TUTORIAL_1, "/share/godata/", TUTORIAL_2, "/~/x/"));
			assertThat(refused.statusCode()).as(schedule).isEqualTo(422);
			JsonNode detail = json(refused).path("detail").get(0);
			String loc = String.join(".", detail.path("loc").valueStream().skip(2).map(JsonNode::asString).toList());
			assertThat(loc + ": " + detail.path("msg").asString()).as(schedule).startsWith(problem);
		});

		HttpResponse<String> withSubmissionId = call("POST", "/v2/timer", tokens.timers(),
				timer("{\"type\": \"once\"}", TUTORIAL_1, "/a/", TUTORIAL_2, "/b/")
					.replace("\"DATA_TYPE\": \"transfer\",", "\"DATA_TYPE\": \"transfer\", \"submission_id\": \"x\","));
		assertThat(withSubmissionId.statusCode()).isEqualTo(422);
		assertThat(json(withSubmissionId).path("detail").get(0).path("loc").toString()).contains("submission_id");
		assertThat(call("POST", "/v2/timer", "not-a-token",
				timer("{\"type\": \"once\"}", TUTORIAL_1, "/a/", TUTORIAL_2, "/b/"))
			.statusCode()).isEqualTo(401);
		assertThat(call("GET", "/jobs/", tokens.transfer(), null).statusCode())
			.as("a Transfer token is no Timers token")
			.isEqualTo(401);
	}

	@Test
	void aRunWithoutItsDataAccessConsentMakesTheTimerInactiveUntilResumedWithNewCredentials() throws Exception {
		this.browser.revokeAllConsents("bob");
		Tokens tokens = login("bob");
		String id = create(tokens.timers(), timer("{\"type\": \"recurring\", \"interval_seconds\": 86400}", LAB_DATA,
				"/projects/alpha/", SHARED_RESULTS, "/timer-" + UUID.randomUUID() + "/"));

		JsonNode inactive = await(tokens.timers(), id, (j) -> "inactive".equals(j.path("status").asString()),
				"went inactive");
		assertThat(inactive.path("inactive_reason").path("cause").asString()).isEqualTo("globus_auth_requirements");
		JsonNode detail = inactive.path("inactive_reason").path("detail");
		assertThat(detail.path("code").asString()).isEqualTo("ConsentRequired");
		assertThat(detail.path("authorization_parameters").path("required_scopes").get(0).asString())
			.isEqualTo(TIMER_SCOPE + "[" + TRANSFER_ALL + "[*" + dataAccess(LAB_DATA) + "]]");
		assertThat(inactive.path("activity").path("reason").asString()).isEqualTo("globus_auth_requirements");
		assertThat(inactive.path("n_runs").asInt()).isZero();

		// Consent below the timer's chain, then resume as Globus's Python SDK does (a
		// body).
		Tokens renewed = login("bob", LAB_DATA);
		HttpResponse<String> resumed = call("POST", "/jobs/" + id + "/resume", renewed.timers(),
				"{\"update_credentials\": true}");
		assertThat(resumed.statusCode()).isEqualTo(200);
		assertThat(json(resumed).path("message").asString()).isEqualTo("Successfully resumed job " + id + ".");
		JsonNode ran = await(renewed.timers(), id, (j) -> j.path("n_runs").asInt() >= 1, "ran");
		assertThat(ran.path("status").asString()).isEqualTo("active");
		assertThat(ran.path("inactive_reason").isNull()).isTrue();
		assertThat(ran.path("results").path("data").get(0).path("data").path("details").path("task_id").asString())
			.isNotBlank();
	}

	@Test
	void aConsentToTimersRevokedAndGrantedAgainNeedsUpdateCredentialsAsTheQueryParameter() throws Exception {
		this.browser.revokeAllConsents("carol");
		Tokens tokens = login("carol", TUTORIAL_1, TUTORIAL_2);
		// The first run comes four hours later on the timer's clock: after the
		// revocation.
		String id = create(tokens.timers(),
				timer("{\"type\": \"recurring\", \"interval_seconds\": 3600, \"start\": \""
						+ Instant.now().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\"}", TUTORIAL_1,
						"/share/godata/", TUTORIAL_2, "/~/timer-" + UUID.randomUUID() + "/"));
		revokeBelowTimers("carol", TIMER_SCOPE);
		Tokens again = login("carol", TUTORIAL_1, TUTORIAL_2);
		await(again.timers(), id, (j) -> "inactive".equals(j.path("status").asString()), "went inactive");

		assertThat(call("POST", "/jobs/" + id + "/resume", again.timers(), null).statusCode()).isEqualTo(200);
		JsonNode stillInactive = await(again.timers(), id, (j) -> "inactive".equals(j.path("status").asString()),
				"went inactive again on the old grant");
		assertThat(stillInactive.path("n_runs").asInt()).isZero();

		assertThat(call("POST", "/jobs/" + id + "/resume?update_credentials=true", again.timers(), null).statusCode())
			.isEqualTo(200);
		await(again.timers(), id, (j) -> j.path("n_runs").asInt() >= 1, "ran with the new grant");
	}

	@Test
	void pauseRenameListAndDelete() throws Exception {
		this.browser.revokeAllConsents("alice");
		Tokens tokens = login("alice");
		String later = "{\"type\": \"recurring\", \"interval_seconds\": 86400, \"start\": \""
				+ Instant.now().plus(300, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "\"}";
		String id = create(tokens.timers(), timer(later, TUTORIAL_1, "/share/godata/", TUTORIAL_2, "/~/x/"));
		String other = create(tokens.timers(), timer(later, TUTORIAL_1, "/share/godata/", TUTORIAL_2, "/~/y/"));

		assertThat(call("POST", "/jobs/" + id + "/pause", tokens.timers(), null).statusCode()).isEqualTo(200);
		JsonNode paused = job(tokens.timers(), id);
		assertThat(paused.path("status").asString()).isEqualTo("inactive");
		assertThat(paused.path("inactive_reason").path("cause").asString()).isEqualTo("user");
		assertThat(paused.path("inactive_reason").path("detail").isNull()).isTrue();

		HttpResponse<String> renamed = call("PATCH", "/jobs/" + id, tokens.timers(),
				"{\"name\": \"Nightly Mirror #abc123\"}");
		assertThat(json(renamed).path("name").asString()).isEqualTo("Nightly Mirror #abc123");
		assertThat(call("PATCH", "/jobs/" + id, tokens.timers(), "{\"interval\": 60}").statusCode()).isEqualTo(422);

		JsonNode byName = json(call("GET", "/jobs/?filter_name=MIRROR%20%23ABC", tokens.timers(), null));
		assertThat(byName.path("jobs").valueStream().map((j) -> j.path("job_id").asString()).toList())
			.containsExactly(id);
		JsonNode inactive = json(call("GET", "/jobs/?filter_status=inactive", tokens.timers(), null));
		assertThat(inactive.path("jobs").valueStream().map((j) -> j.path("job_id").asString()).toList()).contains(id)
			.doesNotContain(other);

		HttpResponse<String> deleted = call("DELETE", "/jobs/" + other, tokens.timers(), null);
		assertThat(deleted.statusCode()).isEqualTo(200);
		assertThat(json(deleted).path("status").asString()).isEqualTo("delete_in_progress");
		Instant giveUp = Instant.now().plusSeconds(30);
		while (call("GET", "/jobs/" + other, tokens.timers(), null).statusCode() != 404) {
			assertThat(Instant.now()).as("the background worker deletes it").isBefore(giveUp);
			Thread.sleep(50);
		}
		JsonNode missing = json(call("GET", "/jobs/" + other, tokens.timers(), null));
		assertThat(missing.path("error").path("code").asString()).isEqualTo("NOT_FOUND");
		JsonNode all = json(call("GET", "/jobs/", tokens.timers(), null));
		assertThat(all.path("jobs").valueStream().map((j) -> j.path("job_id").asString()).toList())
			.doesNotContain(other);

		Tokens bob = login("bob");
		assertThat(call("GET", "/jobs/" + id, bob.timers(), null).statusCode()).as("another user's timer")
			.isEqualTo(404);
	}

	@Test
	void aCreateWhoseAnswerIsLostStillMadeTheTimer() {
		this.browser.revokeAllConsents("bob");
		Tokens tokens = login("bob");
		String marker = "#" + UUID.randomUUID().toString().substring(0, 12);
		this.faults.arm("POST /v2/timer:lost-drop:1");

		String document = timer(
				"{\"type\": \"recurring\", \"interval_seconds\": 86400, \"start\": \""
						+ Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "\"}",
				TUTORIAL_1, "/share/godata/", TUTORIAL_2, "/~/z/")
			.replace("\"name\": \"contract", "\"name\": \"" + marker + " contract");

		assertThatThrownBy(() -> call("POST", "/v2/timer", tokens.timers(), document))
			.as("the connection closes in the middle of the answer")
			.hasRootCauseInstanceOf(java.io.EOFException.class);
		JsonNode found = json(call("GET", "/jobs/?filter_name=" + marker.replace("#", "%23"), tokens.timers(), null));
		assertThat(found.path("jobs")).hasSize(1);
	}

	/**
	 * Revokes, on the consents page, the consent to this scope that hangs below Timers
	 * (or is Timers').
	 */
	private void revokeBelowTimers(String identity, String scope) {
		this.browser.login(identity, "openid", Map.of("prompt", "login"));
		String page = this.browser.get("/simulator/auth/v2/web/consents", null).body();
		Matcher row = Pattern
			.compile("title=\"" + Pattern.quote(scope) + "\"\\s+id=\"consent-(\\d+)\"[^>]*>\\s*<span>([^<]*)")
			.matcher(page);
		String id = null;
		while (row.find()) {
			if (scope.equals(TIMER_SCOPE) || row.group(2).contains("when your timers run")) {
				id = row.group(1);
			}
		}
		assertThat(id).as("a consent to " + scope + " on " + page).isNotNull();
		Matcher token = Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).isTrue();
		assertThat(this.browser
			.postForm("/simulator/auth/v2/web/consents/revoke", Map.of("consent_id", id, "form_token", token.group(1)),
					null)
			.statusCode()).isEqualTo(302);
	}

}
