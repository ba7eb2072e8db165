package org.transferportal.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * A per-user limit on costly actions (submissions, searches), so that one user or a
 * runaway script cannot exhaust the lab's Globus rate limits for everyone. Token buckets
 * in memory: each instance limits its own share.
 */
@Component
public class RateLimiter {

	/** What is limited, and how much per minute. */
	public enum Action {

		SUBMIT, SEARCH, DRAFT

	}

	/**
	 * Limits per user and minute.
	 *
	 * @param submissionsPerMinute transfer submissions
	 * @param searchesPerMinute collection searches
	 * @param draftsPerMinute transfer drafts opened (each stores a form of up to a few
	 * megabytes)
	 */
	@ConfigurationProperties("portal.rate-limit")
	public record Limits(@DefaultValue("20") int submissionsPerMinute, @DefaultValue("60") int searchesPerMinute,
			@DefaultValue("30") int draftsPerMinute) {

		int perMinute(Action action) {
			return switch (action) {
				case SUBMIT -> this.submissionsPerMinute;
				case SEARCH -> this.searchesPerMinute;
				case DRAFT -> this.draftsPerMinute;
			};
		}

	}

	private record Bucket(double tokens, Instant updated) {
	}

	private static final int SWEEP_EVERY = 10_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final Limits limits;

	private final Clock clock;

	private int calls;

	public RateLimiter(Limits limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * Takes one token for the user's action.
	 * @return {@link Duration#ZERO} if allowed, otherwise how long to wait
	 */
	public Duration acquire(String user, Action action) {
		int perMinute = this.limits.perMinute(action);
		if (perMinute <= 0) {
			return Duration.ZERO;
		}
		double refillPerSecond = perMinute / 60.0;
		Instant now = this.clock.instant();
		Bucket[] after = new Bucket[1];
		boolean[] allowed = new boolean[1];
		this.buckets.compute(user + "|" + action, (key, bucket) -> {
			double tokens = (bucket == null) ? perMinute : Math.min(perMinute,
					bucket.tokens() + Duration.between(bucket.updated(), now).toMillis() / 1000.0 * refillPerSecond);
			allowed[0] = tokens >= 1;
			after[0] = new Bucket(allowed[0] ? tokens - 1 : tokens, now);
			return after[0];
		});
		sweepNowAndThen(now);
		if (allowed[0]) {
			return Duration.ZERO;
		}
		long waitMillis = (long) Math.ceil((1 - after[0].tokens()) / refillPerSecond * 1000);
		return Duration.ofMillis(Math.max(waitMillis, 1000));
	}

	/** Forgets full buckets now and then, so idle users cost no memory. */
	private void sweepNowAndThen(Instant now) {
		if (++this.calls % SWEEP_EVERY == 0) {
			this.buckets.entrySet()
				.removeIf((entry) -> entry.getValue().updated().plus(Duration.ofMinutes(2)).isBefore(now));
		}
	}

}
