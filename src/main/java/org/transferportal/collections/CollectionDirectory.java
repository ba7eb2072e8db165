package org.transferportal.collections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Service;

import org.transferportal.globus.Collection;
import org.transferportal.globus.TransferClient;

/**
 * Collection documents, fetched concurrently and cached briefly: whether a collection is
 * mapped or high assurance decides the consent it needs, and that rarely changes.
 */
@Service
public class CollectionDirectory {

	private static final Duration TTL = Duration.ofMinutes(5);

	private record Cached(Collection collection, Instant fetched) {
	}

	private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

	private final AsyncTaskExecutor executor;

	private final Clock clock;

	// The application's executor, not the scheduler's (the audit's status refresh).
	CollectionDirectory(@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor, Clock clock) {
		this.executor = executor;
		this.clock = clock;
	}

	/** One collection's document. */
	public Collection describe(TransferClient transfer, UUID id) {
		Cached cached = this.cache.get(id);
		Instant now = this.clock.instant();
		if (cached != null && cached.fetched().plus(TTL).isAfter(now)) {
			return cached.collection();
		}
		Collection collection = transfer.collection(id.toString());
		this.cache.put(id, new Cached(collection, now));
		return collection;
	}

	/**
	 * Several collections' documents, fetched at the same time; the first failure is
	 * thrown as it came from Globus.
	 */
	public Map<UUID, Collection> describeAll(TransferClient transfer, List<UUID> ids) {
		Map<UUID, CompletableFuture<Collection>> futures = new LinkedHashMap<>();
		for (UUID id : ids.stream().distinct().toList()) {
			futures.put(id, CompletableFuture.supplyAsync(() -> describe(transfer, id), this.executor));
		}
		Map<UUID, Collection> collections = new LinkedHashMap<>();
		List<RuntimeException> failures = new ArrayList<>();
		futures.forEach((id, future) -> {
			try {
				collections.put(id, future.join());
			}
			catch (CompletionException ex) {
				failures.add((ex.getCause() instanceof RuntimeException cause) ? cause : ex);
			}
		});
		if (!failures.isEmpty()) {
			throw failures.get(0);
		}
		return collections;
	}

}
