package org.transferportal.recovery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.Task;
import org.transferportal.lab.LabAccess;
import org.transferportal.tasks.TaskAction;
import org.transferportal.tasks.TaskActions;
import org.transferportal.transfer.PreparedTransfers;
import org.transferportal.transfer.PreparedTransfers.RecordedTransfer;

/**
 * Offers, on the page of a finished transfer the user submitted through the portal:
 * "Retry failed items" (when something failed or was skipped), "Run again" (with "only
 * new or changed files"), and for the lab's admins "Save as lab preset…", which opens the
 * preset editor filled in with the transfer.
 */
@Component
class RecoveryActions implements TaskActions {

	/** Where the preset editor takes a transfer form's fields. */
	static final String PRESET_EDITOR = "/lab/admin/presets/new";

	private final PreparedTransfers transfers;

	private final CurrentUser user;

	private final LabAccess access;

	RecoveryActions(PreparedTransfers transfers, CurrentUser user, LabAccess access) {
		this.transfers = transfers;
		this.user = user;
		this.access = access;
	}

	@Override
	public List<TaskAction> offered(Task task) {
		if (!task.finished() || !"TRANSFER".equals(task.type()) || task.taskId() == null) {
			return List.of();
		}
		Optional<RecordedTransfer> recorded = this.transfers.recorded(task.taskId());
		if (recorded.isEmpty()) {
			return List.of();
		}
		String base = "/tasks/" + UriUtils.encodePathSegment(task.taskId(), StandardCharsets.UTF_8);
		List<TaskAction> actions = new ArrayList<>();
		if (somethingFailed(task)) {
			actions.add(new TaskAction("retry-failed", "Retry failed items", base + "/retry",
					"A new transfer of just the paths that failed or were skipped, with the same options; you see "
							+ "the list before anything is submitted.",
					Map.of(), null));
		}
		actions.add(new TaskAction("run-again", "Run again", base + "/again",
				"Opens this transfer's items and options as a new transfer form.", Map.of(),
				new TaskAction.Option("only_changed", "only files that are new or changed (sync)")));
		if (this.access.isAdmin(this.user.username())) {
			actions.add(new TaskAction("save-as-preset", "Save as lab preset…", PRESET_EDITOR,
					"Opens the preset editor with this transfer's collections, paths and options.",
					recorded.get().form().fields(), null));
		}
		return actions;
	}

	/** Failed, cancelled or expired with errors, or finished with paths skipped. */
	static boolean somethingFailed(Task task) {
		int skipped = (task.subtasksSkippedErrors() != null) ? task.subtasksSkippedErrors() : 0;
		int failed = (task.subtasksFailed() != null) ? task.subtasksFailed() : 0;
		int faults = (task.faults() != null) ? task.faults() : 0;
		return skipped > 0 || ("FAILED".equals(task.status()) && (failed > 0 || faults > 0));
	}

}
