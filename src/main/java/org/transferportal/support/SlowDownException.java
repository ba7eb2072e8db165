package org.transferportal.support;

import java.time.Duration;

/**
 * The user went over a rate limit; the page says how long to wait.
 */
public class SlowDownException extends RuntimeException {

	private final Duration wait;

	public SlowDownException(Duration wait) {
		super("Too many requests: wait " + wait.toSeconds() + " seconds");
		this.wait = wait;
	}

	public Duration waitFor() {
		return this.wait;
	}

}
