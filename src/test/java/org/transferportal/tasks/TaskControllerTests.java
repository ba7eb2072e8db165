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

	@Test
	void anActiveTaskShowsProgressOptionsEventsFilesAndTheCommand() throws Exception {
		Task task = fixture("task_active.json", Task.class);
		TransferredFiles files = fixture("successful_transfers_page1.json", TransferredFiles.class);
		TaskOptions options = TaskOptions.of(task);
		List<TaskEvent> events = List.of(new TaskEvent("STARTED", "started", null, false, "2022-01-26T19:18:21+00:00"),
				new TaskEvent("PERMISSION_DENIED", "<b>denied</b>", "detail", true, "2022-01-26T19:18:22+00:00"));
		given(this.service.task(ID, null)).willReturn(new TaskService.TaskDetail(TaskView.of(task), "5 s", events,
				options, files.data(), null, files.nextMarker(), CliCommand.of(task, options, null)));
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
		given(this.service.task(ID, 93979L)).willThrow(new GlobusApiException(502, "X", "busy", "req-7", "/task"));
		this.mvc.perform(get("/tasks/" + ID).param("marker", "93979").with(oauth2Login()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("req-7")));
		then(this.service).should().task(ID, 93979L);
	}

	@Test
	void progressIsSmallJson() throws Exception {
		Task task = fixture("task_active.json", Task.class);
		given(this.service.progress(ID)).willReturn(TaskProgress.of(TaskView.of(task), Instant.now()));
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
		given(this.service.task(ID, null))
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

	private static <T> T fixture(String name, Class<T> type) throws IOException {
		try (InputStream in = TaskControllerTests.class.getResourceAsStream("/globus/transfer/" + name)) {
			return JSON.readValue(in, type);
		}
	}

}
