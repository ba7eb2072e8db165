package org.transferportal.support;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A per-user limit on costly actions (submissions, searches, drafts), so that one user or
 * a runaway script cannot exhaust the lab's Globus rate limits or storage for everyone.
 * Token buckets: a user may act up to the limit at once, then at the limit's pace. Where
 * they are kept decides what the limit means behind a load balancer: in the shared
 * database ({@link DatabaseBuckets}, PostgreSQL), the limit holds across instances; in
 * memory ({@link MemoryBuckets}, the embedded single-instance database), per instance.
 */
public class RateLimiter {

	/** What is limited, and how much per minute. */
	public enum Action {

		SUBMIT, SEARCH, DRAFT

	}

	/**
	 * Limits per user and minute; 0 turns one off.
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

	/** Where the buckets are kept; each take is atomic. */
	interface Buckets {

		/**
		 * Refills the bucket for the time since its last take (up to its capacity), then
		 * takes one token if it holds one.
		 * @param perMillisecond tokens added per millisecond
		 */
		Take take(String bucket, int capacity, double perMillisecond, long nowMillis);

	}

	/** What a take left: the tokens in the bucket after it, and whether it took one. */
	record Take(double tokens, boolean allowed) {
	}

	private final Limits limits;

	private final Clock clock;

	private final Buckets buckets;

	/** A limiter whose buckets are in this instance's memory. */
	public RateLimiter(Limits limits, Clock clock) {
		this(limits, clock, new MemoryBuckets());
	}

	RateLimiter(Limits limits, Clock clock, Buckets buckets) {
		this.limits = limits;
		this.clock = clock;
		this.buckets = buckets;
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
		double perMillisecond = perMinute / 60_000.0;
		Take take = this.buckets.take(user + "|" + action, perMinute, perMillisecond, this.clock.millis());
		if (take.allowed()) {
			return Duration.ZERO;
		}
		long waitMillis = (long) Math.ceil((1 - take.tokens()) / perMillisecond);
		return Duration.ofMillis(Math.max(waitMillis, 1000));
	}

}
