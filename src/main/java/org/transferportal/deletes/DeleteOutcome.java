package org.transferportal.deletes;

import java.util.Map;

/**
 * What became of a confirmed delete, and where the browser goes next.
 */
sealed interface DeleteOutcome {

	/**
	 * The local path the browser goes to next: the task, Globus Auth, or the preview
	 * (which then shows the draft's message).
	 */
	String nextPath(String draftId);

	/** Whether the browser leaves the preview (for the task or Globus Auth). */
	default boolean leavesPreview() {
		return true;
	}

	/** A name for metrics. */
	String kind();

	/** Globus has the delete task (now or from an earlier attempt with the same id). */
	record Submitted(String taskId) implements DeleteOutcome {

		@Override
		public String nextPath(String draftId) {
			return DeleteService.taskPath(this.taskId);
		}

		@Override
		public String kind() {
			return "submitted";
		}

	}

	/** The user must go through Globus Auth first; redirect to this local path. */
	record NeedsConsent(String path) implements DeleteOutcome {

		@Override
		public String nextPath(String draftId) {
			return this.path;
		}

		@Override
		public String kind() {
			return "needs_consent";
		}

	}

	/**
	 * Not sent: the preview is shown again with this message (or {@code null}), and with
	 * the problems of its fields (the confirmation, the label).
	 */
	record Refused(String message, Map<String, String> errors, String requestId) implements DeleteOutcome {

		static Refused because(String message) {
			return new Refused(message, Map.of(), null);
		}

		@Override
		public String nextPath(String draftId) {
			return DeleteService.previewPath(draftId);
		}

		@Override
		public boolean leavesPreview() {
			return false;
		}

		@Override
		public String kind() {
			return "failed";
		}

	}

}
