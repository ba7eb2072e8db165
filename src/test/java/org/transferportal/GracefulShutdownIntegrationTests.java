package org.transferportal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.PortalBrowser;
import org.transferportal.support.PortalInstance;
import org.transferportal.support.SharedPostgres;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stopping an instance (a redeploy, a scale-down) while a user's submission is waiting
 * for Globus: the submission finishes, the user lands on the task, and the database says
 * so; requests that arrive once the instance is stopping are refused at the door, not
 * half done. Real HTTP, a real PostgreSQL that outlives the instance, and a Globus
 * (WireMock) that answers the submission slowly.
 */
class GracefulShutdownIntegrationTests {

	private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniRq83vEjRWeJA=";

	/** How long Globus takes to accept the submission. */
	private static final int GLOBUS_DELAY_MS = 3000;

	private static final Pattern FIELD = Pattern.compile("name=\"(key|_csrf)\"[^>]*?value=\"([^\"]*)\"");

	private final FakeGlobus globus = FakeGlobus.shared();

	@Test
	void aSubmissionInFlightWhenTheInstanceStopsFinishesAndNewRequestsAreRefused() throws Exception {
		this.globus.reset();
		String taskId = UUID.randomUUID().toString();
		String submissionId = UUID.randomUUID().toString();
		this.globus.stubSubmissionId(submissionId);
		this.globus.stubTask(taskId);
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer"))
				.willReturn(FakeGlobus.json(202, FakeGlobus.submitResult("Accepted", submissionId, taskId))
					.withFixedDelay(GLOBUS_DELAY_MS)));
		UUID source = this.globus.guestCollection();
		UUID destination = this.globus.guestCollection();
		String database = SharedPostgres.newDatabase();
		PortalInstance portal = PortalInstance.start(database, KEY, Map.of("globus.timeout", "20s"));
		try {
			PortalBrowser browser = new PortalBrowser(portal.mvc(), this.globus, FakeGlobus.User.fresh());
			browser.login(PortalBrowser.LOGIN);
			String base = "http://localhost:" + portal.port();
			String cookie = PortalBrowser.SESSION_COOKIE + "=" + browser.sessionId();
			HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
			Map<String, String> form = openForm(http, base, cookie, source, destination, "in flight");
			Map<String, String> later = openForm(http, base, cookie, source, destination, "arrives too late");

			CompletableFuture<HttpResponse<String>> click = http.sendAsync(postForm(base, cookie, form),
					HttpResponse.BodyHandlers.ofString());
			awaitSubmissionAtGlobus();
			CompletableFuture<Void> stopping = CompletableFuture.runAsync(portal::close);

			awaitRefused(base);
			assertThatExceptionOfType(ConnectException.class).as("a new submission while stopping")
				.isThrownBy(() -> HttpClient.newHttpClient()
					.send(postForm(base, cookie, later), HttpResponse.BodyHandlers.ofString()));
			assertThat(click).as("the first submission is still waiting for Globus, not cut off").isNotDone();

			HttpResponse<String> answer = click.get(30, TimeUnit.SECONDS);
			assertThat(answer.statusCode()).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
					(location) -> assertThat(URI.create(location).getPath()).isEqualTo("/tasks/" + taskId));
			stopping.get(30, TimeUnit.SECONDS);
			assertThat(portal.context().isActive()).isFalse();

			JdbcClient jdbc = JdbcClient
				.create(new DriverManagerDataSource(database, SharedPostgres.username(), SharedPostgres.password()));
			// The form whose post was refused never reached the portal: showing it stored
			// nothing, so the only request is the one that was submitted.
			Map<String, Object> submitted = jdbc
				.sql("select status, task_id, submission_id from transfer_request where subject = ?")
				.param(browser.user().subject())
				.query()
				.singleRow();
			assertThat(submitted).containsEntry("status", "SUBMITTED")
				.containsEntry("task_id", taskId)
				.containsEntry("submission_id", submissionId);
			assertThat(this.globus.posted("/v0.10/transfer")).as("transfers Globus received")
				.singleElement()
				.satisfies((body) -> {
					assertThat(body.path("submission_id").asString()).isEqualTo(submissionId);
					assertThat(body.path("label").asString()).isEqualTo("in flight");
				});
		}
		finally {
			portal.close();
		}
	}

	/** Opens a transfer form over HTTP: its key and CSRF token, and its fields. */
	private static Map<String, String> openForm(HttpClient http, String base, String cookie, UUID source,
			UUID destination, String label) throws Exception {
		Map<String, String> form = ScaleOutIntegrationTests.form(source, "/data/", destination, "/incoming/");
		form.put("label", label);
		String query = form.entrySet()
			.stream()
			.filter((e) -> e.getKey().endsWith("_collection") || e.getKey().endsWith("_path")
					|| e.getKey().equals("label"))
			.map((e) -> e.getKey() + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpResponse<String> page = http.send(
				HttpRequest.newBuilder(URI.create(base + "/transfer?" + query)).header("Cookie", cookie).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).as("the form").isEqualTo(200);
		Matcher matcher = FIELD.matcher(page.body());
		while (matcher.find()) {
			form.put(matcher.group(1), matcher.group(2));
		}
		assertThat(form).containsKeys("key", "_csrf");
		return form;
	}

	private static HttpRequest postForm(String base, String cookie, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(URI.create(base + "/transfer"))
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private void awaitSubmissionAtGlobus() throws InterruptedException {
		Instant giveUp = Instant.now().plusSeconds(20);
		while (this.globus.posted("/v0.10/transfer").isEmpty()) {
			assertThat(Instant.now()).as("the submission reached Globus").isBefore(giveUp);
			Thread.sleep(20);
		}
	}

	/** Waits until the instance stops taking new connections. */
	private static void awaitRefused(String base) throws InterruptedException {
		Instant giveUp = Instant.now().plusSeconds(10);
		while (true) {
			try {
				// A new client each time, so that no kept-alive connection is reused.
				HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness"))
						.timeout(Duration.ofSeconds(2))
						.build(), HttpResponse.BodyHandlers.discarding());
			}
			catch (ConnectException ex) {
				return;
			}
			catch (IOException ex) {
				// A slow answer is no refusal: try again.
			}
			assertThat(Instant.now()).as("the instance stopped taking new connections").isBefore(giveUp);
			Thread.sleep(20);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
