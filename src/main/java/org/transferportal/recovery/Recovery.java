package org.transferportal.recovery;

import java.util.Optional;

import org.springframework.stereotype.Service;

import org.transferportal.globus.Task;
import org.transferportal.tasks.TaskFailures;
import org.transferportal.transfer.PreparedTransfers;
import org.transferportal.transfer.PreparedTransfers.RecordedTransfer;

/**
 * Retries only what failed in one of the user's transfers, or runs one again: each opens
 * a new draft of the transfer form (through {@link PreparedTransfers}, so the usual
 * preflight, consent and submission id apply) for the user to check before anything is
 * submitted.
 */
@Service
class Recovery {

	static final String NOT_YOURS = "The portal has no transfer of yours that became this task (it was not submitted "
			+ "through the portal, or by someone else), so it cannot retry or repeat it.";

	private final PreparedTransfers transfers;

	private final TaskFailures failures;

	Recovery(PreparedTransfers transfers, TaskFailures failures) {
		this.transfers = transfers;
		this.failures = failures;
	}

	/**
	 * A new draft of the paths that failed or were skipped in a finished task; refused
	 * for a task that is not the user's transfer, still runs, or has nothing to retry.
	 */
	Step retry(String taskId) {
		Optional<RecordedTransfer> recorded = this.transfers.recorded(taskId);
		if (recorded.isEmpty()) {
			return Step.refused(NOT_YOURS);
		}
		TaskFailures.Failures failed = this.failures.of(taskId);
		Task task = failed.task();
		if (!task.finished()) {
			return Step.refused("This transfer is still running, and Globus keeps retrying what fails. Cancel it "
					+ "first (or wait until it ends), then retry what failed.");
		}
		RetryItems items = RetryItems.of(failed, recorded.get().items());
		if (items.isEmpty()) {
			return Step.refused((items.unplaced() > 0)
					? "The paths Globus reports as failed lie outside this transfer's items, so the portal cannot "
							+ "tell what to copy again. Use Run again instead."
					: "Nothing in this transfer failed or was skipped, so there is nothing to retry. Run again "
							+ "repeats the whole transfer.");
		}
		String notice = "Retry of a transfer: the " + items.described()
				+ ", and nothing that was copied. The options are as before, without the deadline (it has passed) "
				+ "and without deleting extra destination files. Check the batch below, then press Start transfer.";
		if (!failed.complete() || items.unplaced() > 0) {
			notice += " Globus listed only part of what failed (it lists at most 1,000 errors), or named paths "
					+ "outside the transfer's items: some failed paths may be missing here.";
		}
		return new Step(this.transfers.retry(recorded.get(), items.items()), notice, null);
	}

	/** A new draft of a past transfer's items and options; refused for any other task. */
	Step again(String taskId, boolean onlyChanged) {
		return this.transfers.recorded(taskId)
			.flatMap((recorded) -> this.transfers.again(recorded.requestId(), onlyChanged))
			.map((path) -> new Step(path, onlyChanged
					? "Run again, copying only files that are new or changed since (newer on the source). Check the "
							+ "transfer below, then press Start transfer."
					: "Run again: the same items and options, without the deadline (it has passed). Check the "
							+ "transfer below, then press Start transfer.",
					null))
			.orElseGet(() -> Step.refused(NOT_YOURS));
	}

	/**
	 * Where the browser goes next, with a notice for that page, or why nothing was opened
	 * (then it stays on the task's page).
	 */
	record Step(String path, String notice, String problem) {

		static Step refused(String problem) {
			return new Step(null, null, problem);
		}

	}

}
