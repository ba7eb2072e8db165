package org.transferportal.simulator.transfer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.transferportal.simulator.SimJson;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Simulated Transfer as simulated Timers reaches it when a timer runs: the run's transfer
 * is submitted as the timer's owner, checked as {@code POST /transfer} checks it, with
 * the data_access consents looked for below the timer's chain of consents.
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
public class TransferOnBehalf {

	/**
	 * What Transfer answered a run.
	 *
	 * @param taskId the new task, when accepted
	 * @param status the HTTP status Transfer answered with
	 * @param error Transfer's error body when refused (code, message and, for a consent,
	 * its authorization parameters), or {@code null}
	 */
	public record Result(String taskId, int status, Map<String, Object> error) {

		public boolean accepted() {
			return this.taskId != null;
		}

	}

	private final TransferAccess access;

	private final TaskEngine engine;

	private final TransferSubmissions submissions;

	TransferOnBehalf(TransferAccess access, TaskEngine engine, TransferSubmissions submissions) {
		this.access = access;
		this.engine = engine;
		this.submissions = submissions;
	}

	/**
	 * Submits a run's transfer.
	 * @param body the timer's transfer document (without a submission id)
	 * @param submissionId the run's own submission id, so that a run retried submits once
	 * @param consentChain the consents (root first) below which its data_access must be
	 */
	public Result submit(String identityId, String clientId, JsonNode body, String submissionId,
			List<String> consentChain) {
		ObjectNode document = (ObjectNode) body.deepCopy();
		document.put("submission_id", submissionId);
		try {
			TransferAccess.Caller caller = this.access.onBehalfOf(identityId, clientId);
			TransferDocuments.TransferRequest transfer = TransferDocuments.transfer(SimJson.write(document));
			Map.Entry<SimTask, Boolean> submitted = this.submissions.transfer(caller, transfer, consentChain);
			return new Result(submitted.getKey().id, submitted.getValue() ? 202 : 200, null);
		}
		catch (TransferError error) {
			return new Result(null, error.status(), TransferErrorHandler.body(error, "/transfer"));
		}
	}

	/** The status of one of the identity's tasks, if it exists. */
	public Optional<String> status(String identityId, String taskId) {
		return this.engine.find(identityId, taskId).map((task) -> {
			synchronized (task) {
				return task.status;
			}
		});
	}

	/** The task's label, if it exists. */
	public Optional<String> label(String identityId, String taskId) {
		return this.engine.find(identityId, taskId).map((task) -> task.label);
	}

}
