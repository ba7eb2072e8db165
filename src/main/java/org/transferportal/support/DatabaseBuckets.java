package org.transferportal.support;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rate-limit buckets in the shared PostgreSQL database, so that a limit holds across
 * every instance behind the load balancer. Each take is one statement: an insert that,
 * when the user's bucket exists, updates it instead, under PostgreSQL's row lock, so
 * racing instances take tokens one after the other. The update sees the bucket as it was
 * (PostgreSQL evaluates every assignment against the old row), so {@code allowed} tells
 * whether this take got a token. Idle buckets are purged.
 */
final class DatabaseBuckets implements RateLimiter.Buckets, Purge {

	/** A bucket idle this long is full again (a limit refills within a minute). */
	private static final long IDLE_MILLIS = 120_000;

	private static final String REFILLED = "least(cast(:capacity as double precision), b.tokens"
			+ " + greatest(0, cast(:now as bigint) - b.updated_ms) * cast(:rate as double precision))";

	private static final String TAKE = """
			insert into rate_limit_bucket as b (bucket, tokens, updated_ms, allowed)
			  values (:bucket, cast(:capacity as double precision) - 1, cast(:now as bigint), true)
			on conflict (bucket) do update set
			  tokens = case when %1$s >= 1 then %1$s - 1 else %1$s end,
			  allowed = %1$s >= 1,
			  updated_ms = greatest(b.updated_ms, cast(:now as bigint))
			returning tokens, allowed""".formatted(REFILLED);

	private final JdbcClient jdbc;

	DatabaseBuckets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public RateLimiter.Take take(String bucket, int capacity, double perMillisecond, long nowMillis) {
		return this.jdbc.sql(TAKE)
			.param("bucket", bucket)
			.param("capacity", capacity)
			.param("now", nowMillis)
			.param("rate", perMillisecond)
			.query((rs, row) -> new RateLimiter.Take(rs.getDouble("tokens"), rs.getBoolean("allowed")))
			.single();
	}

	@Override
	public String name() {
		return "idle rate-limit buckets";
	}

	@Override
	public int purge(Instant now) {
		return this.jdbc.sql("delete from rate_limit_bucket where updated_ms < ?")
			.param(now.toEpochMilli() - IDLE_MILLIS)
			.update();
	}

}
