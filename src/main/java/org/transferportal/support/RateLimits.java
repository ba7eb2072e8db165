package org.transferportal.support;

import java.sql.DatabaseMetaData;
import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Chooses where the rate limits keep their buckets: in the database when it is
 * PostgreSQL, which several instances share, and in memory otherwise (the embedded H2
 * database serves one instance).
 */
@Configuration(proxyBeanMethods = false)
class RateLimits {

	@Bean
	RateLimiter rateLimiter(RateLimiter.Limits limits, Clock clock, DataSource dataSource) {
		return new RateLimiter(limits, clock,
				isPostgresql(dataSource) ? new DatabaseBuckets(JdbcClient.create(dataSource)) : new MemoryBuckets());
	}

	/** The shared buckets are purged with the rest; only PostgreSQL has any. */
	@Bean
	Purge rateLimitBucketPurge(DataSource dataSource) {
		return new DatabaseBuckets(JdbcClient.create(dataSource));
	}

	static boolean isPostgresql(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return "PostgreSQL".equalsIgnoreCase(product);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database the portal uses", ex);
		}
	}

}
