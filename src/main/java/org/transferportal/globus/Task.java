package org.transferportal.globus;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A transfer or delete task ({@code DATA_TYPE: task}). {@code niceStatus} is {@code OK},
 * {@code Queued} or an error word while the task runs ({@code ok} false then:
 * {@code niceStatusDetails} says what goes wrong and {@code niceStatusExpiresIn} how many
 * seconds Globus keeps trying, -1 for no limit); {@code canceledByAdmin} names whose
 * administrator cancelled it, with their message.
 */
public record Task(String taskId, String type, String status, String niceStatus, String niceStatusShortDescription,
		String label, String ownerId, String requestTime, String completionTime, String deadline,
		String sourceEndpointId, String sourceEndpointDisplayName, String destinationEndpointId,
		String destinationEndpointDisplayName, Long bytesTransferred, Long bytesChecksummed,
		Long effectiveBytesPerSecond, Integer files, Integer directories, Integer filesTransferred,
		Integer filesSkipped, Integer faults, FatalError fatalError, Integer subtasksTotal, Integer subtasksPending,
		Integer subtasksRetrying, Integer subtasksSucceeded, Integer subtasksFailed, Integer subtasksCanceled,
		Integer subtasksExpired, Integer subtasksSkippedErrors, Integer syncLevel, Boolean verifyChecksum,
		Boolean encryptData, Boolean preserveTimestamp, Boolean deleteDestinationExtra, Boolean skipSourceErrors,
		Boolean failOnQuotaErrors, Boolean isPaused, @JsonProperty("is_ok") Boolean ok, String niceStatusDetails,
		Long niceStatusExpiresIn, String canceledByAdmin, String canceledByAdminMessage) {

	/** Whether Globus is done with it. */
	public boolean finished() {
		return "SUCCEEDED".equals(this.status) || "FAILED".equals(this.status);
	}

	/** Why a task failed ({@code fatal_error}). */
	public record FatalError(String code, String description) {
	}

}
