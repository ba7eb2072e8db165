package org.transferportal.notifications;

/**
 * How a message goes out.
 */
enum Channel {

	/** An e-mail to the owner. */
	EMAIL,

	/** A signed call to the lab webhook. */
	WEBHOOK

}
