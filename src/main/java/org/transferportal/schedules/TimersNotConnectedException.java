package org.transferportal.schedules;

/**
 * The portal cannot reach Globus Timers as the user: it holds no Timers token (a login
 * never brings one), or Globus refused it (its consent revoked). Only a trip to Globus
 * Auth for the timer scope helps, so the pages offer one rather than a new login.
 */
class TimersNotConnectedException extends RuntimeException {

	private final boolean refused;

	TimersNotConnectedException(boolean refused) {
		super(refused ? "Globus Timers refused the portal's access" : "The portal holds no Globus Timers token");
		this.refused = refused;
	}

	/** Whether the portal had a token that Globus refused. */
	boolean refused() {
		return this.refused;
	}

}
