package org.transferportal.audit;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.transferportal.globus.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the history keeps of Globus's task documents (the canned bodies of
 * {@code src/test/resources/globus/transfer/}).
 */
class TaskReportTests {

	@Test
	void aFailedTaskKeepsItsFiguresItsFatalErrorCodeAndHowLongItRan() {
		TaskReport report = TaskReport.of(TaskDocuments.failed("t"));
		assertThat(report.finished()).isTrue();
		assertThat(report.status()).isEqualTo("FAILED");
		assertThat(report.bytes()).isEqualTo(1048576);
		assertThat(report.files()).isEqualTo(1);
		assertThat(report.filesSkipped()).isZero();
		assertThat(report.subtasksFailed()).isEqualTo(2);
		assertThat(report.faults()).isEqualTo(7);
		assertThat(report.failureKind()).isEqualTo("FILE_NOT_FOUND");
		assertThat(report.completedAt()).isEqualTo(Instant.parse("2023-12-18T16:52:50Z"));
		assertThat(report.durationSeconds()).isEqualTo(169);
	}

	@Test
	void aRunningTaskIsNotFinishedAndHasNoFailureKind() {
		TaskReport report = TaskReport.of(TaskDocuments.active("t", "INACTIVE"));
		assertThat(report.finished()).isFalse();
		assertThat(report.failureKind()).isNull();
		assertThat(report.completedAt()).isNull();
		assertThat(report.durationSeconds()).isNull();
		assertThat(report.completedOr(Instant.EPOCH)).isEqualTo(Instant.EPOCH);
	}

	@Test
	void aSucceededTaskHasNoFailureKind() {
		assertThat(TaskReport.of(TaskDocuments.succeeded("t")).failureKind()).isNull();
	}

	@Test
	void aFailureWithoutFatalErrorTakesTheNiceStatusWordOrUnknown() {
		Task stalled = TaskDocuments.active("t", "FAILED");
		assertThat(TaskReport.of(stalled).failureKind()).as("nice_status OK says nothing").isEqualTo("UNKNOWN");
		Task denied = new TaskDocumentsBuilder(stalled).niceStatus("permission denied <b>").build();
		assertThat(TaskReport.of(denied).failureKind()).isEqualTo("PERMISSION_DENIED_B_");
	}

	@Test
	void aCompletionTimeWithAnOffsetIsReadAsTheInstantItNames() {
		Task task = TaskDocuments.document("t", "SUCCEEDED", null, 1, 1, "2021-01-03T22:30:00-05:00");
		assertThat(TaskReport.of(task).completedAt()).isEqualTo(Instant.parse("2021-01-04T03:30:00Z"));
	}

	/** Changes one field of a task document. */
	record TaskDocumentsBuilder(Task task) {

		TaskDocumentsBuilder niceStatus(String niceStatus) {
			Task t = this.task;
			return new TaskDocumentsBuilder(new Task(t.taskId(), t.type(), t.status(), niceStatus,
					t.niceStatusShortDescription(), t.label(), t.ownerId(), t.requestTime(), t.completionTime(),
					t.deadline(), t.sourceEndpointId(), t.sourceEndpointDisplayName(), t.destinationEndpointId(),
					t.destinationEndpointDisplayName(), t.bytesTransferred(), t.bytesChecksummed(),
					t.effectiveBytesPerSecond(), t.files(), t.directories(), t.filesTransferred(), t.filesSkipped(),
					t.faults(), t.fatalError(), t.subtasksTotal(), t.subtasksPending(), t.subtasksRetrying(),
					t.subtasksSucceeded(), t.subtasksFailed(), t.subtasksCanceled(), t.subtasksExpired(),
					t.subtasksSkippedErrors(), t.syncLevel(), t.verifyChecksum(), t.encryptData(),
					t.preserveTimestamp(), t.deleteDestinationExtra(), t.skipSourceErrors(), t.failOnQuotaErrors(),
					t.isPaused(), t.ok(), t.niceStatusDetails(), t.niceStatusExpiresIn(), t.canceledByAdmin(),
					t.canceledByAdminMessage()));
		}

		Task build() {
			return this.task;
		}

	}

}
