package org.transferportal.globus;

import java.util.List;

/**
 * Why a task is paused ({@code GET /task/{id}/pause_info}): the pause rules of the
 * collections' administrators that hold it, with their messages.
 *
 * @param endpointDisplayName the name of the collection whose rule holds the task
 * @param message the message of the rule that applies
 * @param sourcePauseMessage the source collection's message, or {@code null}
 * @param destinationPauseMessage the destination collection's message, or {@code null}
 * @param pauseRules every rule that applies
 */
public record PauseInfo(String endpointDisplayName, String message, String sourcePauseMessage,
		String destinationPauseMessage, List<PauseRule> pauseRules) {

	public PauseInfo {
		pauseRules = (pauseRules != null) ? List.copyOf(pauseRules) : List.of();
	}

	/**
	 * One administrator's pause rule ({@code DATA_TYPE: pause_rule}): what it pauses on
	 * which collection, and its message.
	 *
	 * @param id the rule's id
	 * @param message what the administrator wrote
	 * @param endpointId the collection (or endpoint) it is set on
	 * @param startTime when it takes effect, or {@code null} for now
	 * @param pauseTaskTransferRead whether it holds transfers reading from there
	 * @param pauseTaskTransferWrite whether it holds transfers writing there
	 * @param pauseTaskDelete whether it holds deletes there
	 */
	public record PauseRule(String id, String message, String endpointId, String startTime,
			Boolean pauseTaskTransferRead, Boolean pauseTaskTransferWrite, Boolean pauseTaskDelete) {
	}

}
