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
		return this.service.resume(action.target()).nextPath(action.target());
	}

	@Override
	public String abandoned(PendingAction action, String reason) {
		return TransferPaths.draft(action.target()) + "?consent=" + reason;
	}

}
