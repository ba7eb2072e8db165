package org.transferportal.collections;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Service;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.GlobusException;
import org.transferportal.globus.TransferClient;
import org.transferportal.lab.LabProperties;

/**
 * The one place that turns collection ids into the names people know them by: the lab's
 * own names first, then the display name of the collection's document, read with the
 * viewer's own token (through {@link CollectionDirectory} and its cache), so nobody
 * learns the name of a collection Globus would not show them. A page waits a bounded time
 * for names; an id whose name is not known in time is shown as the id.
 */
@Service
public class CollectionNames {

	private static final Log logger = LogFactory.getLog(CollectionNames.class);

	/** The most documents one page asks Globus for. */
	static final int MAX_LOOKUPS = 20;

	/** How long a page waits for names before showing ids. */
	static final long WAIT_MILLIS = 5000;

	private final LabProperties lab;

	private final CollectionDirectory directory;

	private final CurrentUser user;

	private final AsyncTaskExecutor executor;

	CollectionNames(LabProperties lab, CollectionDirectory directory, CurrentUser user,
			@Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
		this.lab = lab;
		this.directory = directory;
		this.user = user;
		this.executor = executor;
	}

	/** The lab's names only, without asking Globus (e.g. for pages shown with errors). */
	public Map<String, String> known(Collection<String> ids) {
		Map<String, String> labNames = this.lab.collectionNames();
		Map<String, String> names = new LinkedHashMap<>();
		for (String id : ids) {
			UUID uuid = CollectionIds.parse(id);
			if (uuid != null && labNames.containsKey(uuid.toString())) {
				names.put(id, labNames.get(uuid.toString()));
			}
		}
		return names;
	}

	/**
	 * Names by id for the ids given (blank, malformed and unknown ids are left out): the
	 * lab's names, then Globus's display names read concurrently with the viewer's token.
	 */
	public Map<String, String> of(Collection<String> ids) {
		Map<String, String> names = known(ids);
		Set<String> wanted = new LinkedHashSet<>();
		for (String id : ids) {
			if (id != null && !names.containsKey(id) && CollectionIds.parse(id) != null) {
				wanted.add(id);
			}
		}
		if (wanted.isEmpty()) {
			return names;
		}
		TransferClient transfer = this.user.transfer();
		// Read on the request's thread: the executor's threads know no logged-in user.
		String subject = this.user.subject();
		Map<String, CompletableFuture<String>> lookups = new LinkedHashMap<>();
		for (String id : new ArrayList<>(wanted).subList(0, Math.min(wanted.size(), MAX_LOOKUPS))) {
			UUID uuid = CollectionIds.parse(id);
			lookups.put(id, CompletableFuture.supplyAsync(() -> displayName(subject, transfer, uuid), this.executor));
		}
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
		lookups.forEach((id, lookup) -> {
			String name = await(lookup, deadline);
			if (name != null) {
				names.put(id, name);
			}
		});
		return names;
	}

	/** One collection's name, or {@code null} when it cannot be known. */
	public String of(String id) {
		return of(List.of(id)).get(id);
	}

	private String displayName(String subject, TransferClient transfer, UUID id) {
		try {
			String name = this.directory.describe(subject, transfer, id).displayName();
			return (name != null && !name.isBlank()) ? name : null;
		}
		catch (GlobusException ex) {
			// Gone, not visible to this user, or Globus is unwell: the page shows the id.
			return null;
		}
	}

	private static String await(CompletableFuture<String> lookup, long deadline) {
		try {
			return lookup.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return null;
		}
		catch (ExecutionException ex) {
			logger.debug("Could not name a collection", ex.getCause());
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
