package org.transferportal.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops the tokens of users who have neither logged in nor used the portal for
 * {@code portal.auth.token-idle-lifetime}, and queues them for revocation at Globus: a
 * refresh token the portal no longer needs should not stay valid for months (review L6).
 */
@Component
class IdleTokens {

	private static final Log logger = LogFactory.getLog(IdleTokens.class);

	/** Users looked at per batch. */
	static final int BATCH = 100;

	/** Batches per round at most, so that a round stays short. */
	static final int BATCHES = 10;

	private final UserTokenStore store;

	private final TokenRevocations revocations;

	private final TransactionTemplate transactions;

	private final AuthProperties properties;

	private final Clock clock;

	IdleTokens(UserTokenStore store, TokenRevocations revocations, TransactionTemplate transactions,
			AuthProperties properties, Clock clock) {
		this.store = store;
		this.revocations = revocations;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelay = 600_000, fixedDelay = 3_600_000)
	void scheduled() {
		dropIdle();
	}

	/** One round: how many tokens were dropped and queued for revocation. */
	int dropIdle() {
		Instant now = this.clock.instant();
		Instant before = now.minus(this.properties.tokenIdleLifetime());
		int dropped = 0;
		for (int batch = 0; batch < BATCHES; batch++) {
			List<String> subjects = this.store.idleSubjects(before, BATCH);
			for (String subject : subjects) {
				dropped += drop(subject, before, now);
			}
			if (subjects.size() < BATCH) {
				break;
			}
		}
		if (dropped > 0) {
			logger.info("Dropped " + dropped + " tokens unused since " + before + "; they are revoked at Globus next");
		}
		return dropped;
	}

	/**
	 * Takes the user's idle tokens out and queues them, in one transaction: a crash in
	 * between loses neither, and an instance sweeping at the same time finds them gone.
	 */
	private int drop(String subject, Instant before, Instant now) {
		Integer taken = this.transactions.execute((status) -> {
			List<StoredToken> tokens = this.store.takeIfIdle(subject, before);
			for (StoredToken token : tokens) {
				if (token.refreshToken() != null) {
					this.revocations.add(token.resourceServer(), token.refreshToken(), "idle", now, now);
				}
				this.revocations.add(token.resourceServer(), token.accessToken(), "idle", now, now);
			}
			return tokens.size();
		});
		return (taken != null) ? taken : 0;
	}

}
