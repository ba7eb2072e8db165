package org.transferportal.support;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the portal keeps what it stores, so that storage stays bounded: the
 * housekeeping purge ({@link Housekeeping}) removes what is older.
 *
 * @param openDrafts transfer forms posted but never submitted, counted from their last
 * change
 * @param submittedRequests the records of submitted transfers (the lab audit and history
 * read them; the usage figures are kept apart and stay), counted from their submission,
 * and drafts whose submission reached Globus without an answer; {@code 0} keeps them for
 * ever
 * @param pendingActions consent round trips once used or expired, kept this long for a
 * look back
 * @param anonymousSessions how long a session nobody has logged in to lives without a
 * request; a login gives it the normal lifetime ({@code server.servlet.session.timeout})
 * @param purgeEvery how often the purge runs (on one instance); {@code 0} turns the
 * scheduled purge off
 */
@ConfigurationProperties("portal.retention")
public record RetentionProperties(@DefaultValue("7d") Duration openDrafts,
		@DefaultValue("730d") Duration submittedRequests, @DefaultValue("1d") Duration pendingActions,
		@DefaultValue("15m") Duration anonymousSessions, @DefaultValue("1m") Duration purgeEvery) {

	/** Whether submitted records are ever purged. */
	public boolean purgesSubmittedRequests() {
		return !this.submittedRequests.isZero() && !this.submittedRequests.isNegative();
	}

}
