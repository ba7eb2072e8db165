package org.transferportal.web;

/**
 * The portal cannot tell whether the demo or the real Globus is meant, or was told to run
 * the demo where it must not: it refuses to start, saying what is wrong and what to do.
 */
class DemoModeException extends IllegalStateException {

	private final String description;

	private final String action;

	DemoModeException(String description, String action) {
		super(description + " " + action);
		this.description = description;
		this.action = action;
	}

	/** What is wrong. */
	String description() {
		return this.description;
	}

	/** What the operator can do about it. */
	String action() {
		return this.action;
	}

}
