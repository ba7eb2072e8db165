package org.transferportal.auth;

/**
 * Resumes one kind of pending action after a trip to Globus Auth. Features register one
 * as a bean.
 */
public interface PendingActionHandler {

	/** The kind this handler resumes. */
	String kind();

	/**
	 * Resumes the action now that the user has the new consent.
	 * @return a local path to send the browser to
	 */
	String resume(PendingAction action);

	/**
	 * The user declined at Globus or the trip failed.
	 * @param reason the OAuth error code, such as {@code access_denied}
	 * @return a local path to send the browser to
	 */
	String abandoned(PendingAction action, String reason);

}
