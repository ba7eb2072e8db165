package org.transferportal.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rate-limit buckets in this instance's memory: for the embedded database, where the
 * portal runs as one instance. Idle buckets are forgotten now and then.
 */
final class MemoryBuckets implements RateLimiter.Buckets {

	private static final int SWEEP_EVERY = 10_000;

	/** A bucket idle this long is full again (a limit refills within a minute). */
	private static final long IDLE_MILLIS = 120_000;

	private record Bucket(double tokens, long updated) {
	}

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final AtomicInteger calls = new AtomicInteger();

	@Override
	public RateLimiter.Take take(String bucket, int capacity, double perMillisecond, long nowMillis) {
		RateLimiter.Take[] take = new RateLimiter.Take[1];
		this.buckets.compute(bucket, (key, current) -> {
			double tokens = (current == null) ? capacity : Math.min(capacity,
					current.tokens() + Math.max(0, nowMillis - current.updated()) * perMillisecond);
			boolean allowed = tokens >= 1;
			take[0] = new RateLimiter.Take(allowed ? tokens - 1 : tokens, allowed);
			return new Bucket(take[0].tokens(), Math.max(nowMillis, (current != null) ? current.updated() : 0));
		});
		if (this.calls.incrementAndGet() % SWEEP_EVERY == 0) {
			this.buckets.values().removeIf((idle) -> idle.updated() + IDLE_MILLIS < nowMillis);
		}
		return take[0];
	}

}
