package org.transferportal.transfer;

import java.util.Map;

/**
 * What became of a submission, and where the browser goes next: the one mapping the form,
 * presets and the return from Globus Auth share.
 */
sealed interface TransferOutcome {

	/**
	 * The local path the browser goes to next: the task, Globus Auth, or the draft's
	 * form, which then shows the draft's message.
	 */
	String nextPath(String draftId);

	/** Whether the browser leaves the form (for the task or for Globus Auth). */
	default boolean leavesForm() {
		return false;
	}

	/**
	 * Why the transfer was not submitted, as the form says it; {@code null} if it was.
	 */
	default String message() {
		return null;
	}

	/** The form's errors by field, if that is why. */
	default Map<String, String> errors() {
		return Map.of();
	}

	/** Globus's request id of a refusal, if Globus refused. */
	default String requestId() {
		return null;
	}

	/** A name for metrics. */
	String kind();

	/** Globus has the task (now or before). */
	record Submitted(String taskId) implements TransferOutcome {

		@Override
		public String nextPath(String draftId) {
			return TransferPaths.task(this.taskId);
		}

		@Override
		public boolean leavesForm() {
			return true;
		}

		@Override
		public String kind() {
			return "submitted";
		}

	}

	/** Globus Timers has the transfer as a schedule (now or before). */
	record Scheduled(String scheduleId) implements TransferOutcome {

		@Override
		public String nextPath(String draftId) {
			return TransferPaths.schedule(this.scheduleId);
		}

		@Override
		public boolean leavesForm() {
			return true;
		}

		@Override
		public String kind() {
			return "scheduled";
		}

	}

	/** The user must go through Globus Auth first; redirect to this local path. */
	record NeedsConsent(String path) implements TransferOutcome {

		@Override
		public String nextPath(String draftId) {
			return this.path;
		}

		@Override
		public boolean leavesForm() {
			return true;
		}

		@Override
		public String kind() {
			return "needs_consent";
		}

	}

	/** The form has errors, by field. */
	record Invalid(Map<String, String> errors) implements TransferOutcome {

		@Override
		public String nextPath(String draftId) {
			return TransferPaths.draft(draftId);
		}

		@Override
		public String message() {
			return "This transfer cannot be submitted as it is: " + String.join("; ", this.errors.values())
					+ ". Correct it below.";
		}

		@Override
		public String kind() {
			return "invalid";
		}

	}

	/**
	 * The draft is not the user's, or no longer exists (open drafts expire); nothing was
	 * submitted, and the form starts afresh.
	 */
	record Gone() implements TransferOutcome {

		@Override
		public String nextPath(String draftId) {
			return "/transfer";
		}

		@Override
		public String message() {
			return "This transfer form has expired or is not yours, so nothing was submitted. Check the transfer "
					+ "below and submit it again.";
		}

		@Override
		public String kind() {
			return "gone";
		}

	}

	/** Globus refused or failed; nothing was created, and the draft stays open. */
	record Failed(String message, String requestId) implements TransferOutcome {

		@Override
		public String nextPath(String draftId) {
			return TransferPaths.draft(draftId);
		}

		@Override
		public String kind() {
			return "failed";
		}

	}

}
