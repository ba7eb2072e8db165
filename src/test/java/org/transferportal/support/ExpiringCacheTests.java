package org.transferportal.support;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiringCacheTests {

	private final MutableClock clock = new MutableClock();

	private final ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofMinutes(5), 3, this.clock);

	@Test
	void anEntryIsServedUntilItsLifetimeEnds() {
		this.cache.put("a", "A");
		this.clock.advance(Duration.ofMinutes(5).minusMillis(1));
		assertThat(this.cache.get("a")).contains("A");
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.cache.get("a")).isEmpty();
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void theLeastRecentlyUsedEntryGoesWhenTheCacheIsFull() {
		this.cache.put("a", "A");
		this.cache.put("b", "B");
		this.cache.put("c", "C");
		assertThat(this.cache.get("a")).contains("A");
		this.cache.put("d", "D");
		assertThat(this.cache.size()).isEqualTo(3);
		assertThat(this.cache.get("b")).isEmpty();
		assertThat(this.cache.get("a")).contains("A");
		assertThat(this.cache.get("c")).contains("C");
		assertThat(this.cache.get("d")).contains("D");
	}

	@Test
	void aMillionKeysNeverHoldMoreThanTheCapacity() {
		for (int i = 0; i < 1_000_000; i++) {
			this.cache.put("k" + i, "v");
		}
		assertThat(this.cache.size()).isEqualTo(3);
	}

}
