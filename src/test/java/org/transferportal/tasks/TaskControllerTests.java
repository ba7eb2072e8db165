package org.transferportal.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import org.transferportal.auth.ConsentRoundTrip;
import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.GlobusUnauthorizedException;
import org.transferportal.globus.Task;
import org.transferportal.globus.TaskEvent;
import org.transferportal.globus.TransferredFiles;
import org.transferportal.web.WebSliceConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The task page, its progress endpoint and cancellation, with the service mocked.
 */
@WebMvcTest(TaskController.class)
@Import(WebSliceConfiguration.class)
class TaskControllerTests {

	static final String ID = "b8872740-7edc-11ec-9f33-ed182a728dff";

	static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TaskService service;

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	HeldTasks held;

	@Test
	void anActiveTaskShowsProgressOptionsEventsFilesAndTheCommand() throws Exception {
		Task task = fixture("task_active.json", Task.class);
		TransferredFiles files = fixture("successful_transfers_page1.json", TransferredFiles.class);
		TaskOptions options = TaskOptions.of(task);
		List<TaskEvent> events = List.of(new TaskEvent("STARTED", "started", null, false, "2022-01-26T19:18:21+00:00"),
				new TaskEvent("PERMISSION_DENIED", "<b>denied</b>", "detail", true, "2022-01-26T19:18:22+00:00"));
		given(this.service.task(ID, null, null)).willReturn(new TaskService.TaskDetail(TaskView.of(task), "5 s", events,
				options, files.data(), null, files.nextMarker(), CliCommand.of(task, options, null),
				new TaskTriage().of(null, task, null), List.of()));
		this.mvc.perform(get("/tasks/" + ID).with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"progress-files\"")))
			.andExpect(content().string(containsString("id=\"progress-subtasks\"")))
			.andExpect(content().string(containsString("verify checksums")))
			// The deadline reads as every other time does, not as Globus wrote it.
			.andExpect(content().string(containsString(
					"<dd id=\"task-deadline\"><time datetime=\"2022-01-27T19:18:20Z\">2022-01-27 19:18:20 UTC</time>")))
			.andExpect(content().string(not(containsString("verify checksums, deadline"))))
			.andExpect(content().string(containsString("class=\"event-error\"")))
			.andExpect(content().string(containsString("&lt;b&gt;denied&lt;/b&gt;")))
			.andExpect(content().string(containsString("/home/alice/results/b c.csv")))
			.andExpect(content().string(containsString("marker=93979")))
			.andExpect(content().string(containsString("globus transfer aa752cea-8222-5bc8-acd9-555b090c0ccb")))
			.andExpect(content().string(containsString("id=\"cancel-task\"")))
			// The reload without JavaScript must not fight the script's updates.
			.andExpect(content().string(containsString("<noscript><meta http-equiv=\"refresh\" content=\"5\">")))
			.andExpect(content().string(containsString("data-progress=\"/tasks/" + ID + "/progress\"")));
	}

	@Test
	void theListFiltersByStatusAndShowsProgressAndPaging() throws Exception {
		Task task = fixture("task_active.json", Task.class);
		given(this.service.tasks(List.of("ACTIVE"), 25, null))
			.willReturn(new TaskService.TaskPage(List.of(TaskView.of(task)), 25, 60, null));
		this.mvc.perform(get("/tasks").param("status", "ACTIVE").param("offset", "25").with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("nightly sync")))
			.andExpect(content().string(containsString("<progress max=\"100\" value=\"50\"")))
			.andExpect(content().string(containsString("/tasks?status=ACTIVE&amp;offset=0")))
			.andExpect(content().string(containsString("/tasks?status=ACTIVE&amp;offset=50")));
	}

	@Test
	void anUnknownStatusIsIgnored() throws Exception {
		given(this.service.tasks(List.of(), 0, null)).willReturn(new TaskService.TaskPage(List.of(), 0, 0, null));
		this.mvc.perform(get("/tasks").param("status", "<script>").with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>"))));
	}

	@Test
	void theMarkerPagesThroughTransferredFiles() throws Exception {
		given(this.service.task(ID, 93979L, null))
			.willThrow(new GlobusApiException(502, "X", "busy", "req-7", "/task"));
		this.mvc.perform(get("/tasks/" + ID).param("marker", "93979").with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("req-7")));
		then(this.service).should().task(ID, 93979L, null);
	}

	@Test
	void progressIsSmallJson() throws Exception {
		Task task = fixture("task_active.json", Task.class);
		given(this.service.progress(ID))
			.willReturn(TaskProgress.of(TaskView.of(task), Instant.now(), Triage.key(task)));
		this.mvc.perform(get("/tasks/" + ID + "/progress").with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.percent").value(50))
			.andExpect(jsonPath("$.subtasksTotal").value(2))
			.andExpect(content().string(not(containsString("owner"))));
	}

	@Test
	void progressOfAnUnknownTaskIsA404WithTheRequestId() throws Exception {
		given(this.service.progress(ID)).willThrow(new GlobusApiException(404, "TaskNotFound", "no", "req-1", "/t"));
		this.mvc.perform(get("/tasks/" + ID + "/progress").with(oauth2Login()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.requestId").value("req-1"));
	}

	@Test
	void aLapsedLoginOnTheTaskPageSendsTheUserToLogInAgainRatherThanShowingAProblem() throws Exception {
		given(this.service.task(ID, null, null))
			.willThrow(new GlobusUnauthorizedException(401, "AuthenticationFailed", "Token is not active", "r", "/t"));
		this.mvc.perform(get("/tasks/" + ID).with(oauth2Login()))
			.andExpect(redirectedUrl(ConsentRoundTrip.AUTHORIZATION_PATH));
	}

	@Test
	void aLapsedLoginWhileThePagePollsIsNoInlineProblemEither() throws Exception {
		given(this.service.progress(ID))
			.willThrow(new GlobusUnauthorizedException(401, "AuthenticationFailed", "Token is not active", "r", "/t"));
		this.mvc.perform(get("/tasks/" + ID + "/progress").with(oauth2Login()))
			.andExpect(redirectedUrl(ConsentRoundTrip.AUTHORIZATION_PATH));
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "t123", "b8872740-7edc-11ec-9f33-ed182a728df",
			"b8872740-7edc-11ec-9f33-ed182a728dfz", "1-2-3-4-5", "b8872740_7edc_11ec_9f33_ed182a728dff" })
	void anIdThatIsNotAUuidIsA404PageBeforeAnyGlobusCall(String id) throws Exception {
		this.mvc.perform(get("/tasks/" + id).with(oauth2Login()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("No such task")));
		this.mvc.perform(get("/tasks/" + id + "/progress").with(oauth2Login())).andExpect(status().isNotFound());
		this.mvc.perform(post("/tasks/" + id + "/cancel").with(oauth2Login()).with(csrf()))
			.andExpect(status().isNotFound());
		then(this.service).shouldHaveNoInteractions();
	}

	@Test
	void cancelAsksGlobusAndReturnsToTheTask() throws Exception {
		this.mvc.perform(post("/tasks/" + ID + "/cancel").with(oauth2Login()).with(csrf()))
			.andExpect(redirectedUrl("/tasks/" + ID));
		then(this.service).should().cancel(ID);
	}

	@Test
	void whatWentWrongShowsTheErrorsByKindEscapedTheRemedyAndWhatToDoNext() throws Exception {
		Task task = fixture("task_inactive_consent.json", Task.class);
		Triage triage = new Triage(Triage.key(task), "Stopped: Globus holds this task.",
				List.of(new Triage.ErrorGroup("Permission denied", "Ask for access.", List.of("PERMISSION_DENIED"), 3,
						List.of("/data/<img src=x onerror=alert(1)>.csv"), 7)),
				3, 3,
				new Triage.Hold("NO_CREDENTIALS", "consent revoked", Triage.Remedy.CONSENT,
						List.of(new Triage.PauseRule("Archive", "<b>maintenance</b>"))),
				new Triage.SkippedPage(2,
						List.of(new Triage.Skipped("/a/x", "/b/x", "File not found", "FILE_NOT_FOUND", false)), null,
						5L),
				null);
		List<TaskAction> actions = List
			.of(new TaskAction("retry-failed", "Retry failed items", "/tasks/" + ID + "/retry", "Only what failed.",
					java.util.Map.of("kept", "<value>"), new TaskAction.Option("only_changed", "sync")));
		given(this.service.task(ID, null, null))
			.willReturn(new TaskService.TaskDetail(TaskView.of(task), "5 s", List.of(), TaskOptions.of(task), List.of(),
					null, null, new CliCommand("globus transfer", 0, null), triage, actions));

		this.mvc.perform(get("/tasks/" + ID).with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h2 id=\"triage-heading\">What went wrong</h2>")))
			.andExpect(content().string(containsString("(3 errors: PERMISSION_DENIED)")))
			.andExpect(content().string(containsString("/data/&lt;img src=x onerror=alert(1)&gt;.csv")))
			.andExpect(content().string(not(containsString("<img src=x"))))
			.andExpect(content().string(containsString("and 7 more paths")))
			.andExpect(content().string(containsString("&lt;b&gt;maintenance&lt;/b&gt;")))
			.andExpect(content().string(containsString("action=\"/tasks/" + ID + "/access\"")))
			.andExpect(content().string(containsString("id=\"triage-consent\"")))
			.andExpect(content().string(containsString("/tasks/" + ID + "?skipped=5#triage")))
			.andExpect(content().string(containsString("action=\"/tasks/" + ID + "/retry\"")))
			.andExpect(content().string(containsString("value=\"&lt;value&gt;\"")))
			.andExpect(content().string(containsString("name=\"only_changed\"")))
			.andExpect(content().string(containsString("data-key=\"INACTIVE|NO_CREDENTIALS|")));
	}

	@Test
	void aTaskThatGoesWellHasItsWhatWentWrongSectionHiddenForTheScriptToFill() throws Exception {
		Task task = fixture("task_active.json", Task.class);
		given(this.service.task(ID, null, null)).willReturn(new TaskService.TaskDetail(TaskView.of(task), "5 s",
				List.of(), TaskOptions.of(task), List.of(), null, null, new CliCommand("globus transfer", 0, null),
				new TaskTriage().of(null, task, null), List.of()));

		String page = this.mvc.perform(get("/tasks/" + ID).with(oauth2Login()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"triage\"").contains("data-src=\"/tasks/" + ID + "/triage\"");
		assertThat(page.substring(page.indexOf("id=\"triage\""))).contains("hidden=\"hidden\"");
		assertThat(page).doesNotContain("id=\"task-actions\"");
	}

	@Test
	void theWhatWentWrongSectionIsServedAloneAndNeverCached() throws Exception {
		Task task = fixture("task_active_retrying.json", Task.class);
		given(this.service.triage(ID))
			.willReturn(new Triage(Triage.key(task), "Still retrying: x", List.of(), 0, 0, null, null, null));

		String fragment = this.mvc.perform(get("/tasks/" + ID + "/triage").with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(fragment.strip()).startsWith("<section id=\"triage\"").endsWith("</section>");
		assertThat(fragment).contains("Still retrying: x").doesNotContain("<html");
	}

	@Test
	void grantingAccessForAHeldTaskStartsOneTripThatComesBack() throws Exception {
		given(this.held.regainAccess(ID, false)).willReturn("/oauth2/authorization/globus?pending=p1");

		this.mvc.perform(post("/tasks/" + ID + "/access").param("need", "consent").with(csrf()).with(oauth2Login()))
			.andExpect(redirectedUrl("/oauth2/authorization/globus?pending=p1"));
	}

	@Test
	void aDeleteTaskIsShownAsADeleteWithoutDestinationOrFileList() throws Exception {
		Task task = JSON.readValue(
				fixtureText("task_active.json").replace("\"type\":\"TRANSFER\"", "\"type\":\"DELETE\""), Task.class);
		given(this.service.task(ID, null, null)).willReturn(new TaskService.TaskDetail(TaskView.of(task), "5 s",
				List.of(), TaskOptions.of(task), List.of(), null, null, new CliCommand("globus transfer", 0, null),
				new TaskTriage().of(null, task, null), List.of()));

		this.mvc.perform(get("/tasks/" + ID).with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Delete task</h1>")))
			.andExpect(content().string(containsString("Yes, cancel the delete")))
			.andExpect(content().string(not(containsString("<dt>To</dt>"))))
			.andExpect(content().string(not(containsString("Files transferred"))));
	}

	private static String fixtureText(String name) throws IOException {
		try (InputStream in = TaskControllerTests.class.getResourceAsStream("/globus/transfer/" + name)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	private static <T> T fixture(String name, Class<T> type) throws IOException {
		try (InputStream in = TaskControllerTests.class.getResourceAsStream("/globus/transfer/" + name)) {
			return JSON.readValue(in, type);
		}
	}

}
