package org.transferportal.deletes;

import org.springframework.stereotype.Component;

import org.transferportal.auth.PendingAction;
import org.transferportal.auth.PendingActionHandler;

/**
 * Finishes a confirmed delete that waited for consent, or brings the user back to its
 * preview when they declined; nothing is deleted then.
 */
@Component
class DeletePendingActions implements PendingActionHandler {

	private final DeleteService service;

	DeletePendingActions(DeleteService service) {
		this.service = service;
	}

	@Override
	public String kind() {
		return DeleteService.PENDING_KIND;
	}

	@Override
	public String resume(PendingAction action) {
		return this.service.resume(action.target()).nextPath(action.target());
	}

	@Override
	public String abandoned(PendingAction action, String reason) {
		return DeleteService.previewPath(action.target()) + "?consent=" + reason;
	}

}
