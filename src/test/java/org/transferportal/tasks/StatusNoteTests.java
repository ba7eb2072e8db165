package org.transferportal.tasks;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.transferportal.globus.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-words note of a task's state, from Globus-shaped task documents.
 */
class StatusNoteTests {

	@Test
	void aRunningTaskThatIsFineHasNoNote() {
		assertThat(StatusNote.of(task("task_active.json", (t) -> {
		}))).isNull();
	}

	@Test
	void aRunningTaskMeetingErrorsSaysGlobusRetriesWhatGoesWrongAndForHowLong() {
		StatusNote note = StatusNote.of(task("task_active_retrying.json", (t) -> {
		}));

		assertThat(note.problem()).isTrue();
		assertThat(note.text()).isEqualTo("Globus is still retrying: PERMISSION_DENIED (Permission denied on "
				+ "'/share/restricted/a.csv' of collection 'Lab Data (mapped)'). Unless the problem is fixed, it gives up "
				+ "in about 2 h 3 min.");
	}

	@Test
	void aRetryingTaskWithoutDetailsOrLimitStillNamesTheError() {
		StatusNote note = StatusNote.of(task("task_active_retrying.json",
				(t) -> t.putNull("nice_status_details").put("nice_status_expires_in", -1)));

		assertThat(note.text()).isEqualTo("Globus is still retrying: PERMISSION_DENIED.");
	}

	@Test
	void aQueuedTaskWaitsItsTurn() {
		StatusNote note = StatusNote.of(task("task_active.json", (t) -> t.put("nice_status", "Queued")));

		assertThat(note.problem()).isFalse();
		assertThat(note.text()).startsWith("Waiting its turn: Globus runs up to three of your transfers at a time");
	}

	@Test
	void aPausedTaskGoesOnWhenTheAdministratorResumesIt() {
		StatusNote note = StatusNote.of(task("task_active.json", (t) -> t.put("is_paused", true)));

		assertThat(note.problem()).isFalse();
		assertThat(note.text()).contains("paused this transfer").contains("resume");
	}

	@Test
	void aSuspendedTaskSaysWhyWhenGlobusDoes() {
		StatusNote note = StatusNote.of(task("task_active.json",
				(t) -> t.put("status", "INACTIVE")
					.put("nice_status", "CONSENT_REQUIRED")
					.put("nice_status_details", "The user's consent for the destination collection was revoked")));

		assertThat(note.problem()).isTrue();
		assertThat(note.text()).isEqualTo("Globus has suspended this transfer until someone acts on it: "
				+ "The user's consent for the destination collection was revoked.");
	}

	@Test
	void aTaskCancelledByAnAdministratorQuotesTheirMessage() {
		StatusNote note = StatusNote.of(task("task_canceled_by_admin.json", (t) -> {
		}));

		assertThat(note.problem()).isTrue();
		assertThat(note.text()).isEqualTo("An administrator of the source collection cancelled this transfer: "
				+ "\u201cStorage maintenance tonight; please resubmit tomorrow.\u201d");
	}

	@Test
	void aTaskCancelledByBothAdministratorsWithoutAMessageSaysSo() {
		StatusNote note = StatusNote.of(task("task_canceled_by_admin.json",
				(t) -> t.put("canceled_by_admin", "BOTH").putNull("canceled_by_admin_message")));

		assertThat(note.text())
			.isEqualTo("An administrator of the source and destination collections cancelled this transfer.");
	}

	@Test
	void durationsUseTheLargestSensibleUnits() {
		assertThat(StatusNote.duration(45)).isEqualTo("45 s");
		assertThat(StatusNote.duration(600)).isEqualTo("10 min");
		assertThat(StatusNote.duration(7380)).isEqualTo("2 h 3 min");
		assertThat(StatusNote.duration(3600)).isEqualTo("1 h");
		assertThat(StatusNote.duration(90_000)).isEqualTo("1 d 1 h");
	}

	private static Task task(String name, java.util.function.Consumer<ObjectNode> change) {
		try (InputStream in = StatusNoteTests.class.getResourceAsStream("/globus/transfer/" + name)) {
			ObjectNode node = (ObjectNode) TaskControllerTests.JSON.readTree(in.readAllBytes());
			change.accept(node);
			return TaskControllerTests.JSON.treeToValue(node, Task.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
