package org.transferportal.support;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTests {

	private final MutableClock clock = new MutableClock();

	private final RateLimiter limiter = new RateLimiter(new RateLimiter.Limits(3, 60, 30), this.clock);

	@Test
	void aUserMayActUpToTheLimitThenWaits() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.acquire("alice", RateLimiter.Action.SUBMIT)).isZero();
		}
		Duration wait = this.limiter.acquire("alice", RateLimiter.Action.SUBMIT);
		assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
	}

	@Test
	void tokensComeBackOverTime() {
		for (int i = 0; i < 3; i++) {
			this.limiter.acquire("alice", RateLimiter.Action.SUBMIT);
		}
		this.clock.advance(Duration.ofSeconds(21));
		assertThat(this.limiter.acquire("alice", RateLimiter.Action.SUBMIT)).isZero();
		assertThat(this.limiter.acquire("alice", RateLimiter.Action.SUBMIT)).isPositive();
	}

	@Test
	void usersAndActionsHaveTheirOwnBuckets() {
		for (int i = 0; i < 3; i++) {
			this.limiter.acquire("alice", RateLimiter.Action.SUBMIT);
		}
		assertThat(this.limiter.acquire("bob", RateLimiter.Action.SUBMIT)).isZero();
		assertThat(this.limiter.acquire("alice", RateLimiter.Action.SEARCH)).isZero();
	}

	@Test
	void aLimitOfZeroTurnsTheLimitOff() {
		RateLimiter unlimited = new RateLimiter(new RateLimiter.Limits(0, 0, 0), this.clock);
		for (int i = 0; i < 1000; i++) {
			assertThat(unlimited.acquire("alice", RateLimiter.Action.SUBMIT)).isZero();
		}
	}

}
