package org.transferportal.globus;

/**
 * The answer to a transfer or delete submission. A {@code Duplicate} answer means Globus
 * already accepted this submission id; its task id is the original task.
 */
public record SubmitResult(String code, String message, String requestId, String submissionId, String taskId) {

	public boolean isDuplicate() {
		return "Duplicate".equals(this.code);
	}

}
