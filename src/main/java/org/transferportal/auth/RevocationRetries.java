package org.transferportal.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.transferportal.globus.GlobusClients;
import org.transferportal.globus.GlobusException;

/**
 * Tries the revocations Globus did not confirm again, every minute, on whichever instance
 * claims each one first.
 */
@Component
class RevocationRetries {

	private static final Log logger = LogFactory.getLog(RevocationRetries.class);

	/** Revocations tried per round, so that one round stays short. */
	static final int BATCH = 50;

	/**
	 * How long a claimed revocation is left to the instance that claimed it; if that
	 * instance stops mid-way, another takes it after this.
	 */
	static final Duration CLAIM = Duration.ofMinutes(5);

	private final TokenRevocations revocations;

	private final GlobusClients globus;

	private final Clock clock;

	RevocationRetries(TokenRevocations revocations, GlobusClients globus, Clock clock) {
		this.revocations = revocations;
		this.globus = globus;
		this.clock = clock;
	}

	@Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
	void scheduled() {
		retryDue();
	}

	/** One round: how many revocations Globus confirmed. */
	int retryDue() {
		Instant now = this.clock.instant();
		int confirmed = 0;
		for (TokenRevocations.Due due : this.revocations.due(now, BATCH)) {
			if (!this.revocations.claim(due, now.plus(CLAIM))) {
				continue;
			}
			if (due.token() == null) {
				logger.warn("Dropping a queued " + due.resourceServer() + " revocation that does not decrypt");
				this.revocations.done(due.id());
			}
			else if (due.createdAt().plus(TokenRevocations.GIVE_UP_AFTER).isBefore(now)) {
				logger.error("Giving up revoking a " + due.resourceServer() + " token (" + due.reason() + ") after "
						+ due.attempts() + " attempts: it stays valid at Globus until it expires");
				this.revocations.done(due.id());
			}
			else if (revoke(due, now)) {
				confirmed++;
			}
		}
		return confirmed;
	}

	private boolean revoke(TokenRevocations.Due due, Instant now) {
		try {
			this.globus.auth().revoke(due.token());
			this.revocations.done(due.id());
			return true;
		}
		catch (GlobusException ex) {
			if (isFinal(ex)) {
				// Globus read the request and refused it for good (a malformed token):
				// asking again changes nothing.
				logger.warn("Globus refused to revoke a " + due.resourceServer() + " token: " + ex.status() + " "
						+ ex.code());
				this.revocations.done(due.id());
				return false;
			}
			Instant next = this.revocations.failed(due, ex.status() + " " + ex.code(), now);
			logger.info("Revoking a " + due.resourceServer() + " token failed again (" + ex.status() + " " + ex.code()
					+ "); next attempt at " + next);
			return false;
		}
	}

	/**
	 * A refusal a retry cannot change: a 4xx other than 401 (the portal's own
	 * credentials, which an operator may fix), 408 and 429.
	 */
	private static boolean isFinal(GlobusException ex) {
		int status = ex.status();
		return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
	}

}
