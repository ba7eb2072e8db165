package org.transferportal.transfer;

import org.springframework.stereotype.Component;

import org.transferportal.auth.PendingAction;
import org.transferportal.auth.PendingActionHandler;

/**
 * Finishes a transfer that waited for consent, or brings the user back to its form when
 * they declined.
 */
@Component
class TransferPendingActions implements PendingActionHandler {

	private final TransferService service;

	TransferPendingActions(TransferService service) {
		this.service = service;
	}

	@Override
	public String kind() {
		return TransferService.PENDING_KIND;
	}

	@Override
	public String resume(PendingAction action) {
		TransferService.Outcome outcome = this.service.resume(action.target());
		if (outcome instanceof TransferService.Outcome.Submitted submitted) {
			return TransferController.taskPath(submitted.taskId());
		}
		if (outcome instanceof TransferService.Outcome.NeedsConsent consent) {
			return consent.path();
		}
		// Invalid or failed: the form shows the draft with its message.
		return TransferController.draftPath(action.target());
	}

	@Override
	public String abandoned(PendingAction action, String reason) {
		return TransferController.draftPath(action.target()) + "?consent=" + reason;
	}

}
