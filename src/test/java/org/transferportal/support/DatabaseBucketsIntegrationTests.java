package org.transferportal.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate-limit buckets in the shared PostgreSQL: a take is atomic however many instances
 * race, tokens come back at the limit's pace (by the times given, not the wall clock),
 * and idle buckets are purged.
 */
class DatabaseBucketsIntegrationTests {

	private static final double PER_MILLISECOND = 10 / 60_000.0;

	private static final long NOW = 1_800_000_000_000L;

	private static DriverManagerDataSource dataSource;

	private static ExecutorService pool;

	private final DatabaseBuckets buckets = new DatabaseBuckets(JdbcClient.create(dataSource));

	@BeforeAll
	static void migrate() {
		dataSource = new DriverManagerDataSource(SharedPostgres.newDatabase(), SharedPostgres.username(),
				SharedPostgres.password());
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/vendor/postgresql")
			.load()
			.migrate();
		pool = Executors.newFixedThreadPool(8);
	}

	@AfterAll
	static void stop() {
		pool.shutdown();
	}

	@Test
	void racingTakesFromOneBucketGetExactlyItsTokens() throws Exception {
		List<Callable<Boolean>> takes = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			takes.add(() -> this.buckets.take("racing|DRAFT", 10, PER_MILLISECOND, NOW).allowed());
		}
		int allowed = 0;
		for (Future<Boolean> take : pool.invokeAll(takes)) {
			allowed += take.get() ? 1 : 0;
		}
		assertThat(allowed).isEqualTo(10);
	}

	@Test
	void tokensComeBackAtTheLimitsPaceAndNeverBeyondItsCapacity() {
		for (int i = 0; i < 10; i++) {
			assertThat(this.buckets.take("pace|SUBMIT", 10, PER_MILLISECOND, NOW).allowed()).isTrue();
		}
		RateLimiter.Take empty = this.buckets.take("pace|SUBMIT", 10, PER_MILLISECOND, NOW);
		assertThat(empty.allowed()).isFalse();
		assertThat(empty.tokens()).isLessThan(1);
		assertThat(this.buckets.take("pace|SUBMIT", 10, PER_MILLISECOND, NOW + 6_000).allowed())
			.as("one token every 6 s")
			.isTrue();
		assertThat(this.buckets.take("pace|SUBMIT", 10, PER_MILLISECOND, NOW + 6_000).allowed()).isFalse();
		RateLimiter.Take later = this.buckets.take("pace|SUBMIT", 10, PER_MILLISECOND, NOW + 3_600_000);
		assertThat(later.allowed()).isTrue();
		assertThat(later.tokens()).as("full at 10, less the one taken").isEqualTo(9.0);
		assertThat(this.buckets.take("pace|SUBMIT", 10, PER_MILLISECOND, NOW).tokens())
			.as("an instance whose clock lags adds nothing")
			.isEqualTo(8.0);
	}

	@Test
	void idleBucketsArePurgedAndActiveOnesKept() {
		this.buckets.take("idle|SEARCH", 60, 1 / 1000.0, NOW - 180_000);
		this.buckets.take("active|SEARCH", 60, 1 / 1000.0, NOW - 10_000);

		this.buckets.purge(Instant.ofEpochMilli(NOW));

		List<String> left = JdbcClient.create(dataSource)
			.sql("select bucket from rate_limit_bucket where bucket like '%|SEARCH'")
			.query(String.class)
			.list();
		assertThat(left).containsExactly("active|SEARCH");
	}

}
