package org.transferportal.simulator.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.transferportal.simulator.SimCollection;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Creates a transfer task from a checked document, whoever sent it: a client through
 * {@code POST /transfer}, or simulated Timers running a timer.
 */
@Component
@ConditionalOnProperty(name = "simulator.enabled", havingValue = "true")
class TransferSubmissions {

	private final TransferAccess access;

	private final TaskEngine engine;

	private final SimFileSystem files;

	TransferSubmissions(TransferAccess access, TaskEngine engine, SimFileSystem files) {
		this.access = access;
		this.engine = engine;
		this.files = files;
	}

	/**
	 * The task for the document: created unless one exists for its submission id.
	 * @param consentChain the consents its data_access consents must hang below
	 * @throws TransferError when Transfer would refuse it (consent, policy, paths)
	 */
	Map.Entry<SimTask, Boolean> transfer(TransferAccess.Caller caller, TransferDocuments.TransferRequest transfer,
			List<String> consentChain) {
		SimCollection source = this.access.usableForTask(transfer.sourceId(), caller, transfer.sourceLocalUser(),
				"source_local_user");
		SimCollection destination = this.access.usableForTask(transfer.destinationId(), caller,
				transfer.destinationLocalUser(), "destination_local_user");
		this.access.checkUse(caller, consentChain, source, destination);
		TransferPlanner.Plan plan = new TransferPlanner(this.files).plan(transfer, source, destination, caller);
		Map<String, Object> options = new LinkedHashMap<>(transfer.booleans());
		options.put("sync_level", transfer.syncLevel());
		options.put("filter_rules", transfer.filterRules().isEmpty() ? null
				: transfer.filterRules().stream().map(SimFilterRule::json).toList());
		options.put("destination_user", (transfer.destinationLocalUser() != null) ? transfer.destinationLocalUser()
				: caller.identity().localPart());
		return this.engine.submit(caller.id(), transfer.submissionId(), (id) -> {
			SimTask task = new SimTask(id, "TRANSFER", caller.id(), caller.token().clientId(), transfer.submissionId(),
					source.id(), destination.id(), this.engine.now(), plan.steps(), options, plan.failure(),
					transfer.label(), transfer.deadline());
			task.consentChain = List.copyOf(consentChain);
			return task;
		});
	}

}
