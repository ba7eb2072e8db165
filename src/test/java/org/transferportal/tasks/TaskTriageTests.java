package org.transferportal.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.transferportal.globus.GlobusApiException;
import org.transferportal.globus.PauseInfo;
import org.transferportal.globus.Task;
import org.transferportal.globus.TaskEvent;
import org.transferportal.globus.TaskEventList;
import org.transferportal.globus.TransferClient;
import org.transferportal.globus.TransferredFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * What the task page's "What went wrong" section makes of Globus's answers: error events
 * grouped by kind with the paths they name, why a task is held and what to do, the
 * skipped paths; and which calls it makes for which task (none for a task that goes
 * well).
 */
class TaskTriageTests {

	static final String ID = "b8872740-7edc-11ec-9f33-ed182a728dff";

	static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final TransferClient transfer = mock(TransferClient.class);

	private final TaskTriage triage = new TaskTriage();

	@Test
	void aTaskThatGoesWellCostsNoCallAndShowsNothing() throws IOException {
		Triage result = this.triage.of(this.transfer, fixture("task_active.json", Task.class), null);

		assertThat(result.isEmpty()).isTrue();
		then(this.transfer).shouldHaveNoInteractions();
	}

	@Test
	void aRetryingTaskSaysSoPlainlyAndGroupsItsErrorsByKindWithTheirPaths() throws IOException {
		given(this.transfer.taskEvents(ID, TaskTriage.EVENTS_READ, 0, true))
			.willReturn(fixture("event_list_errors.json", TaskEventList.class));

		Triage result = this.triage.of(this.transfer, fixture("task_active_retrying.json", Task.class), null);

		assertThat(result.headline()).startsWith("Still retrying:");
		assertThat(result.groups()).extracting(Triage.ErrorGroup::title)
			.containsExactly("Permission denied", "File not found", "Endpoint or connection errors");
		Triage.ErrorGroup denied = result.groups().get(0);
		assertThat(denied.events()).isEqualTo(2);
		assertThat(denied.codes()).containsExactly("PERMISSION_DENIED");
		assertThat(denied.paths()).as("one path, however often it failed")
			.containsExactly("/projects/run42/locked.dat");
		assertThat(denied.advice()).contains("ask the collection's administrator");
		assertThat(result.groups().get(1).paths()).containsExactly("/projects/run42/<gone> & \"old\".csv");
		assertThat(result.groups().get(2).paths()).isEmpty();
		assertThat(result.errorEvents()).isEqualTo(4);
		assertThat(result.partial()).isFalse();
		then(this.transfer).should(never()).skippedErrors(anyString(), org.mockito.ArgumentMatchers.any());
		then(this.transfer).should(never()).pauseInfo(anyString());
	}

	@Test
	void manyPathsOfOneKindShowTheFirstAndCountTheRest() {
		List<TaskEvent> events = new ArrayList<>();
		for (int i = 0; i < TaskTriage.PATHS_SHOWN + 5; i++) {
			events.add(new TaskEvent("FILE_NOT_FOUND", "file not found", "Error (transfer)\nFile: /data/f" + i + "\n",
					true, "2022-01-26T19:20:01+00:00"));
		}
		events.add(
				new TaskEvent("CANCELED", "canceled", "Canceled by the task owner", true, "2022-01-26T19:21:01+00:00"));

		List<Triage.ErrorGroup> groups = TaskTriage.groups(events);

		assertThat(groups).as("a cancel is how the task ended, not an error of a path").hasSize(1);
		assertThat(groups.get(0).paths()).hasSize(TaskTriage.PATHS_SHOWN).startsWith("/data/f0");
		assertThat(groups.get(0).morePaths()).isEqualTo(5);
	}

	@Test
	void eventCodesFallIntoTheKindsUsersAskAbout() {
		assertThat(ErrorKind.of("PERMISSION_DENIED")).isEqualTo(ErrorKind.PERMISSION);
		assertThat(ErrorKind.of("file_not_found")).isEqualTo(ErrorKind.NOT_FOUND);
		assertThat(ErrorKind.of("VERIFY_CHECKSUM")).isEqualTo(ErrorKind.CHECKSUM);
		assertThat(ErrorKind.of("EXTERNAL_CHECKSUM_MISMATCH")).isEqualTo(ErrorKind.CHECKSUM);
		assertThat(ErrorKind.of("QUOTA_EXCEEDED")).isEqualTo(ErrorKind.SPACE);
		assertThat(ErrorKind.of("NO_SPACE_LEFT")).isEqualTo(ErrorKind.SPACE);
		assertThat(ErrorKind.of("CONNECT_FAILED")).isEqualTo(ErrorKind.ENDPOINT);
		assertThat(ErrorKind.of("GC_NOT_CONNECTED")).isEqualTo(ErrorKind.ENDPOINT);
		assertThat(ErrorKind.of("IS_A_DIRECTORY")).isEqualTo(ErrorKind.OTHER);
		assertThat(ErrorKind.of(null)).isEqualTo(ErrorKind.OTHER);
	}

	@Test
	void eventDetailsNameTheirPathsOnFileLinesOnly() {
		assertThat(EventPaths
			.of("Error (transfer)\r\nServer: 10.0.0.5:443\r\nFile: /a b/c.txt\r\nCommand: RETR /a b/c.txt"))
			.containsExactly("/a b/c.txt");
		assertThat(EventPaths.of("Message: File: not at the start\nFile: relative/path\n")).isEmpty();
		assertThat(EventPaths.of(null)).isEmpty();
	}

	@Test
	void aTaskInactiveForARevokedConsentOffersToGrantItAgain() throws IOException {
		given(this.transfer.pauseInfo(ID)).willReturn(new PauseInfo(null, null, null, null, List.of()));
		given(this.transfer.taskEvents(ID, TaskTriage.EVENTS_READ, 0, true))
			.willReturn(new TaskEventList(List.of(), 0, 200, 0, 0));

		Triage result = this.triage.of(this.transfer, fixture("task_inactive_consent.json", Task.class), null);

		assertThat(result.headline()).startsWith("Stopped:");
		assertThat(result.hold().remedy()).isEqualTo(Triage.Remedy.CONSENT);
		assertThat(result.hold().reason()).isEqualTo("NO_CREDENTIALS");
		assertThat(result.hold().details()).contains("consent for collection 'Archive' was revoked");
	}

	@Test
	void aTaskInactiveForExpiredCredentialsOffersToLogInAgain() throws IOException {
		given(this.transfer.pauseInfo(ID)).willReturn(new PauseInfo(null, null, null, null, List.of()));
		given(this.transfer.taskEvents(anyString(), anyInt(), anyInt(), org.mockito.ArgumentMatchers.anyBoolean()))
			.willReturn(new TaskEventList(List.of(), 0, 200, 0, 0));

		Triage result = this.triage.of(this.transfer, fixture("task_inactive_credentials.json", Task.class), null);

		assertThat(result.hold().remedy()).isEqualTo(Triage.Remedy.LOGIN);
	}

	@Test
	void aPausedTaskNamesTheRuleAndItsCollectionAndSaysToWait() throws IOException {
		given(this.transfer.pauseInfo(ID)).willReturn(fixture("pause_info.json", PauseInfo.class));

		Triage result = this.triage.of(this.transfer, fixture("task_paused.json", Task.class), null);

		assertThat(result.headline()).startsWith("Paused:");
		assertThat(result.hold().remedy()).isEqualTo(Triage.Remedy.WAIT);
		assertThat(result.hold().rules()).containsExactly(new Triage.PauseRule("Archive", "SDK Test Pause Rule"));
	}

	@Test
	void aFinishedTaskListsThePathsItSkippedPageByPage() throws IOException {
		given(this.transfer.taskEvents(anyString(), anyInt(), anyInt(), org.mockito.ArgumentMatchers.anyBoolean()))
			.willReturn(new TaskEventList(List.of(), 0, 200, 0, 0));
		given(this.transfer.skippedErrors(ID, 1L))
			.willReturn(fixture("skipped_errors_page2.json", TransferredFiles.class));

		Triage result = this.triage.of(this.transfer, fixture("task_succeeded_skipped.json", Task.class), 1L);

		assertThat(result.headline())
			.isEqualTo("Finished, but 2 paths were skipped because of errors at the source " + "(listed below).");
		assertThat(result.skipped().total()).isEqualTo(2);
		assertThat(result.skipped().marker()).isEqualTo(1L);
		assertThat(result.skipped().nextMarker()).isNull();
		assertThat(result.skipped().entries()).singleElement().satisfies((entry) -> {
			assertThat(entry.sourcePath()).isEqualTo("/~/locked-folder/");
			assertThat(entry.kind()).isEqualTo("Permission denied");
			assertThat(entry.folder()).isTrue();
		});
	}

	@Test
	void whatGlobusCannotTellJustNowIsSaidWithoutHidingTheRest() throws IOException {
		given(this.transfer.taskEvents(ID, TaskTriage.EVENTS_READ, 0, true))
			.willThrow(new GlobusApiException(503, "ServiceUnavailable", "busy", "r1", "/task"));

		Triage result = this.triage.of(this.transfer, fixture("task_active_retrying.json", Task.class), null);

		assertThat(result.headline()).startsWith("Still retrying:");
		assertThat(result.problem())
			.isEqualTo("Globus could not list the errors it met just now; this page tries " + "again.");
	}

	@Test
	void theKeyChangesWithWhatTheSectionShows() throws IOException {
		Task active = fixture("task_active.json", Task.class);
		Task retrying = fixture("task_active_retrying.json", Task.class);

		assertThat(Triage.key(active)).isEqualTo(Triage.key(fixture("task_active.json", Task.class)))
			.isNotEqualTo(Triage.key(retrying));
	}

	static <T> T fixture(String name, Class<T> type) throws IOException {
		try (InputStream in = TaskTriageTests.class.getResourceAsStream("/globus/transfer/" + name)) {
			return JSON.readValue(in, type);
		}
	}

}
