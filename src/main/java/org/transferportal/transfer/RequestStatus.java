package org.transferportal.transfer;

/**
 * The states of a transfer request as {@code transfer_request.status} stores them, for
 * features that read the table (the audit).
 */
public final class RequestStatus {

	/** A draft: the form is open, nothing accepted by Globus yet. */
	public static final String OPEN = "OPEN";

	/** Globus accepted it: the request has its task. */
	public static final String SUBMITTED = "SUBMITTED";

	/**
	 * Globus Timers has it as a schedule ({@code schedule_id}); each run's task is a
	 * request of its own, {@link #SUBMITTED} with the same {@code schedule_id}.
	 */
	public static final String SCHEDULED = "SCHEDULED";

	private RequestStatus() {
	}

}
