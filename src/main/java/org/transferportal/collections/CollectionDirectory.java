package org.transferportal.collections;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Service;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.Collection;
import org.transferportal.globus.TransferClient;
import org.transferportal.support.ExpiringCache;

/**
 * Collection documents, fetched concurrently and cached briefly: whether a collection is
 * mapped or high assurance decides the consent it needs, and that rarely changes.
 *
 * <p>
 * Each user has their own entries, fetched with their own token: a collection one user
 * may see tells another nothing, not even its name (security review L5).
 */
@Service
public class CollectionDirectory {

	/** How long a document is trusted. */
	static final Duration TTL = Duration.ofMinutes(5);

	/**
	 * Documents kept at most, for all users together (a few KB each): a busy lab's five
	 * minutes of browsing fit; beyond that the least recently used go.
	 */
	static final int CAPACITY = 10_000;

	/** Who asked for which collection. */
	private record Key(String subject, UUID collection) {
	}

	private final ExpiringCache<Key, Collection> cache;

	private final AsyncTaskExecutor executor;

	private final CurrentUser user;

	// The application's executor, not the scheduler's (the audit's status refresh).
	CollectionDirectory(@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor, Clock clock,
			CurrentUser user) {
		this.executor = executor;
		this.user = user;
		this.cache = new ExpiringCache<>(TTL, CAPACITY, clock);
	}

	/**
	 * One collection's document, as the logged-in user's own Transfer client fetches it.
	 */
	public Collection describe(TransferClient transfer, UUID id) {
		return describe(this.user.subject(), transfer, id);
	}

	/**
	 * As {@link #describe(TransferClient, UUID)}, for a user named by the caller (any
	 * thread).
	 */
	Collection describe(String subject, TransferClient transfer, UUID id) {
		Key key = new Key(subject, id);
		return this.cache.get(key).orElseGet(() -> {
			Collection collection = transfer.collection(id.toString());
			this.cache.put(key, collection);
			return collection;
		});
	}

	/**
	 * Several collections' documents, fetched at the same time; the first failure is
	 * thrown as it came from Globus.
	 */
	public Map<UUID, Collection> describeAll(TransferClient transfer, List<UUID> ids) {
		// Read on the request's thread: the executor's threads know no logged-in user.
		String subject = this.user.subject();
		Map<UUID, CompletableFuture<Collection>> futures = new LinkedHashMap<>();
		for (UUID id : ids.stream().distinct().toList()) {
			futures.put(id, CompletableFuture.supplyAsync(() -> describe(subject, transfer, id), this.executor));
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
