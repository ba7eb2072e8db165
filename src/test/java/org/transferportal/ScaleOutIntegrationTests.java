package org.transferportal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import org.transferportal.support.FakeGlobus;
import org.transferportal.support.PortalBrowser;
import org.transferportal.support.PortalInstance;
import org.transferportal.support.SharedPostgres;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.transferportal.support.PortalBrowser.content;

/**
 * Two portal instances on different ports share one real PostgreSQL, as behind a load
 * balancer: a user's requests may reach either, and either may stop at any time.
 */
class ScaleOutIntegrationTests {

	private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniRq83vEjRWeJA=";

	private static final String ADMIN = "lab-admin@uchicago.edu";

	private static String database;

	private static PortalInstance a;

	private static PortalInstance b;

	private final FakeGlobus globus = FakeGlobus.shared();

	private String taskId;

	private String submissionId;

	@BeforeAll
	static void startTwoInstances() {
		database = SharedPostgres.newDatabase();
		a = PortalInstance.start(database, KEY, Map.of("portal.lab.admins", ADMIN));
		b = PortalInstance.start(database, KEY, Map.of("portal.lab.admins", ADMIN));
	}

	@AfterAll
	static void stopInstances() {
		a.close();
		b.close();
	}

	@BeforeEach
	void stubGlobus() {
		this.globus.reset();
		this.taskId = UUID.randomUUID().toString();
		this.submissionId = UUID.randomUUID().toString();
		this.globus.stubSubmissionId(this.submissionId);
		this.globus.stubTask(this.taskId);
		this.globus.server()
			.stubFor(post(urlEqualTo("/v0.10/transfer"))
				.willReturn(FakeGlobus.json(202, FakeGlobus.submitResult("Accepted", this.submissionId, this.taskId))));
	}

	@Test
	void bothInstancesServeHttpOnTheirOwnPortsAndTheFirstOneRanTheMigrations() throws Exception {
		assertThat(a.port()).isNotEqualTo(b.port());
		HttpClient http = HttpClient.newHttpClient();
		for (PortalInstance instance : List.of(a, b)) {
			HttpResponse<String> health = http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.port() + "/actuator/health"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
		}
		List<String> versions = a.jdbc()
			.sql("select version from flyway_schema_history where success order by installed_rank")
			.query(String.class)
			.list();
		assertThat(versions).startsWith("1", "2").doesNotHaveDuplicates();
	}

	@Test
	void aConsentRoundTripThatLeavesFromOneInstanceAndReturnsToTheOtherMakesExactlyOneTask() {
		PortalBrowser browser = new PortalBrowser(a.mvc(), this.globus, FakeGlobus.User.fresh());
		browser.login(PortalBrowser.LOGIN);
		UUID mapped = this.globus.mappedCollection();
		UUID guest = this.globus.guestCollection();
		MockHttpServletResponse authorize = browser
			.follow(browser.post("/transfer", form(mapped, "/~/data/", guest, "/incoming/")));
		assertThat(browser.isAuthorizeRedirect(authorize)).as("sent to Globus Auth from A").isTrue();
		assertThat(this.globus.posted("/v0.10/transfer")).isEmpty();

		MockHttpServletResponse back = browser.on(b.mvc()).authorizeAndReturn(authorize);
		assertThat(back.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		assertThat(content(browser.follow(back))).contains(this.taskId);
		// Returning to A afterwards shows the same task and submits nothing more.
		assertThat(content(browser.on(a.mvc()).open("/tasks/" + this.taskId))).contains(this.taskId);
		assertThat(this.globus.posted("/v0.10/transfer")).hasSize(1)
			.allSatisfy((body) -> assertThat(body.path("submission_id").asString()).isEqualTo(this.submissionId));
	}

	@Test
	void aLoginCallbackReplayedOnTheOtherInstanceWithAnAlreadyUsedCodeLogsInAfterOneFreshRequest() {
		PortalBrowser browser = new PortalBrowser(a.mvc(), this.globus, FakeGlobus.User.fresh());
		MockHttpServletResponse authorize = browser.open("/account");
		assertThat(browser.isAuthorizeRedirect(authorize)).as("sent to Globus Auth from A").isTrue();
		String state = FakeGlobus.query(authorize.getRedirectedUrl()).get("state");
		// A exchanged the code at Globus and died before answering; the load balancer
		// replays the callback on B, and Globus refuses the code the second time.
		String code = "code-" + UUID.randomUUID();
		this.globus.server()
			.stubFor(post(urlEqualTo("/v2/oauth2/token")).withRequestBody(containing("code=" + code))
				.willReturn(FakeGlobus.json(401, FakeGlobus.body("auth/invalid_grant.json"))));

		MockHttpServletResponse retry = browser.on(b.mvc())
			.callback("code=" + code + "&state=" + PortalBrowser.encode(state));

		assertThat(retry.getRedirectedUrl()).isEqualTo(PortalBrowser.LOGIN);
		MockHttpServletResponse page = browser.follow(browser.authorizeAndReturn(browser.follow(retry)));
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(content(page)).as("the account page that needed the login").contains("transfer.api.globus.org");
	}

	@Test
	void aPresetSavedOnOneInstanceIsStartedOnceFromBothWithTheSameClick() {
		PortalBrowser admin = new PortalBrowser(a.mvc(), this.globus,
				new FakeGlobus.User(UUID.randomUUID().toString(), ADMIN));
		admin.login(PortalBrowser.LOGIN);
		String name = "Scale-out preset " + this.taskId.substring(0, 8);
		Map<String, String> preset = form(this.globus.guestCollection(), "/data/", this.globus.guestCollection(),
				"/in/");
		preset.put("name", name);
		assertThat(admin.post("/lab/admin/presets", preset).getRedirectedUrl()).isEqualTo("/presets");

		PortalBrowser member = new PortalBrowser(b.mvc(), this.globus, FakeGlobus.User.fresh());
		member.login(PortalBrowser.LOGIN);
		String page = content(member.get("/presets"));
		java.util.regex.Matcher start = java.util.regex.Pattern
			.compile("action=\"/presets/([0-9a-f-]{36})/start\"[\\s\\S]*?name=\"start\" value=\"([0-9a-f-]{36})\"")
			.matcher(page.substring(page.indexOf(name)));
		assertThat(start.find()).isTrue();
		String path = "/presets/" + start.group(1) + "/start";
		Map<String, String> click = Map.of("start", start.group(2));
		// The same click reaches B, and again (a resent post behind the load balancer) A.
		assertThat(member.post(path, click).getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		assertThat(member.on(a.mvc()).post(path, click).getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
		assertThat(this.globus.posted("/v0.10/transfer")).hasSize(1)
			.allSatisfy((body) -> assertThat(body.path("label").asString()).isEqualTo(name));
	}

	@Test
	void stoppingAnInstanceInTheMiddleOfAFlowLosesNothing() {
		PortalInstance doomed = PortalInstance.start(database, KEY, Map.of());
		PortalBrowser browser = new PortalBrowser(doomed.mvc(), this.globus, FakeGlobus.User.fresh());
		try {
			browser.login(PortalBrowser.LOGIN);
			UUID mapped = this.globus.mappedCollection();
			UUID guest = this.globus.guestCollection();
			Map<String, String> form = form(mapped, "/~/data/", guest, "/incoming/");
			form.put("label", "survives a redeploy");
			MockHttpServletResponse authorize = browser.follow(browser.post("/transfer", form));
			assertThat(browser.isAuthorizeRedirect(authorize)).isTrue();
			doomed.close();

			MockHttpServletResponse back = browser.on(b.mvc()).authorizeAndReturn(authorize);
			assertThat(back.getRedirectedUrl()).isEqualTo("/tasks/" + this.taskId);
			List<tools.jackson.databind.JsonNode> submitted = this.globus.posted("/v0.10/transfer");
			assertThat(submitted).hasSize(1);
			assertThat(submitted.get(0).path("label").asString()).isEqualTo("survives a redeploy");
		}
		finally {
			doomed.close();
		}
	}

	@Test
	void aRestartKeepsUsersLoggedIn() {
		PortalInstance first = PortalInstance.start(database, KEY, Map.of());
		PortalBrowser browser = new PortalBrowser(first.mvc(), this.globus, FakeGlobus.User.fresh());
		browser.login(PortalBrowser.LOGIN);
		String session = browser.sessionId();
		assertThat(session).isNotNull();
		first.close();

		try (PortalInstance restarted = PortalInstance.start(database, KEY, Map.of())) {
			MockHttpServletResponse home = browser.on(restarted.mvc()).get("/");
			assertThat(home.getStatus()).isEqualTo(200);
			assertThat(content(home)).contains("Log out").contains("Test User");
			assertThat(browser.isAuthorizeRedirect(browser.get("/transfer"))).as("still logged in").isFalse();
			assertThat(browser.sessionId()).isEqualTo(session);
		}
		// The other instance knows the session too.
		assertThat(content(browser.on(b.mvc()).get("/"))).contains("Log out");
	}

	@Test
	void refusesToStartOnPostgresqlWithoutATokenKey() {
		assertThatThrownBy(() -> PortalInstance.start(database, null, Map.of()).close())
			.hasStackTraceContaining("PORTAL_TOKEN_KEY (base64 of 32 bytes) is required");
	}

	@Test
	void anInstanceWithADifferentTokenKeyRefusesToStartAndSaysWhy() {
		new PortalBrowser(a.mvc(), this.globus, FakeGlobus.User.fresh()).login(PortalBrowser.LOGIN);
		String otherKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
		assertThatThrownBy(() -> PortalInstance.start(database, otherKey, Map.of()).close())
			.hasStackTraceContaining("PORTAL_TOKEN_KEY does not decrypt the tokens already in the database");
	}

	static Map<String, String> form(UUID source, String sourcePath, UUID destination, String destinationPath) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("form", "1");
		form.put("source_collection", source.toString());
		form.put("source_path", sourcePath);
		form.put("destination_collection", destination.toString());
		form.put("destination_path", destinationPath);
		form.put("label", "");
		form.put("verify_checksum", "true");
		return form;
	}

}
