package org.transferportal.support;

import java.time.Instant;

/**
 * One feature's part of the housekeeping purge: removes what that feature stored and no
 * longer needs. Each runs on one instance at a time ({@link Housekeeping}).
 */
public interface Purge {

	/** What it removes, for the log (e.g. "open drafts"). */
	String name();

	/**
	 * Removes what has expired by {@code now}, a bounded amount at a time (the next run
	 * goes on).
	 * @return how many rows it removed
	 */
	int purge(Instant now);

}
