package org.transferportal.schedules;

import org.springframework.stereotype.Component;

import org.transferportal.auth.PendingAction;
import org.transferportal.auth.PendingActionHandler;

/**
 * Finishes "Fix and resume" once the user is back from Globus Auth: the schedule resumes
 * with the fresh consent. Declined, the schedule's page says so and it stays stopped.
 */
@Component
class ScheduleFixActions implements PendingActionHandler {

	private final ScheduleService service;

	ScheduleFixActions(ScheduleService service) {
		this.service = service;
	}

	@Override
	public String kind() {
		return ScheduleService.FIX_KIND;
	}

	@Override
	public String resume(PendingAction action) {
		return this.service.resumeFixed(action.target());
	}

	@Override
	public String abandoned(PendingAction action, String reason) {
		return ScheduleService.path(action.target()) + "?consent=" + reason;
	}

}
