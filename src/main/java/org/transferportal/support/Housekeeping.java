package org.transferportal.support;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The scheduled purge: every {@code portal.retention.purge-every} (a minute), on one
 * instance at a time (a ShedLock lock row in the shared database), every {@link Purge}
 * removes what has expired. A failing purge is logged and the others go on; the next run
 * tries again.
 */
@Component
public class Housekeeping implements SchedulingConfigurer {

	private static final Log logger = LogFactory.getLog(Housekeeping.class);

	/** The lock's name in the {@code shedlock} table. */
	static final String LOCK = "portal-purge";

	/** Longer than a run can take; a crashed instance's lock lapses after this. */
	private static final Duration AT_MOST = Duration.ofMinutes(10);

	/** Held at least this long, so that instances whose clocks fire together run once. */
	private static final Duration AT_LEAST = Duration.ofSeconds(30);

	private final List<Purge> purges;

	private final LockingTaskExecutor locks;

	private final Clock clock;

	private final Duration every;

	public Housekeeping(List<Purge> purges, LockingTaskExecutor locks, Clock clock, RetentionProperties retention) {
		this.purges = purges;
		this.locks = locks;
		this.clock = clock;
		this.every = retention.purgeEvery();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!this.every.isZero() && !this.every.isNegative()) {
			registrar.addFixedDelayTask(new FixedDelayTask(this::scheduled, this.every, this.every));
		}
	}

	void scheduled() {
		runOnce().ifPresent((removed) -> {
			if (removed.values().stream().anyMatch((count) -> count > 0)) {
				logger.info("Purged " + removed);
			}
		});
	}

	/**
	 * One run, unless another instance holds the lock.
	 * @return how many rows each purge removed, or empty when another instance ran
	 */
	public Optional<Map<String, Integer>> runOnce() {
		TaskResult<Map<String, Integer>> result;
		try {
			result = this.locks.executeWithLock(this::purgeAll,
					new LockConfiguration(this.clock.instant(), LOCK, AT_MOST, AT_LEAST));
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
		return result.wasExecuted() ? Optional.of(result.getResult()) : Optional.empty();
	}

	private Map<String, Integer> purgeAll() {
		Map<String, Integer> removed = new LinkedHashMap<>();
		for (Purge purge : this.purges) {
			try {
				removed.put(purge.name(), purge.purge(this.clock.instant()));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not purge " + purge.name() + "; the next run tries again", ex);
			}
		}
		return removed;
	}

}
