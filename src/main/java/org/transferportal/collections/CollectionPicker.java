package org.transferportal.collections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.Collection;
import org.transferportal.globus.CollectionSearch;
import org.transferportal.globus.GlobusApiException;
import org.transferportal.lab.LabProperties;
import org.transferportal.support.RateLimiter;
import org.transferportal.support.SlowDownException;

/**
 * What a collection picker offers: the lab's collections, the user's bookmarks
 * (Transfer's own, shared with the Globus web app) and endpoint searches by Globus's
 * filter scopes.
 */
@Service
public class CollectionPicker {

	/** The search scopes a picker offers, with the words it shows for them. */
	public static final Map<String, String> SCOPES = orderedScopes();

	private static final int SEARCH_LIMIT = 25;

	/** How long a user's bookmarks and recent collections are reused between pages. */
	private static final Duration LISTS_TTL = Duration.ofSeconds(60);

	/** Users whose lists are kept at most; the oldest are dropped beyond. */
	private static final int MAX_CACHED_USERS = 10_000;

	private record Cached(List<Choice> choices, Instant fetched) {
	}

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private final Clock clock;

	private final CurrentUser user;

	private final LabProperties lab;

	private final RateLimiter rateLimiter;

	CollectionPicker(CurrentUser user, LabProperties lab, RateLimiter rateLimiter, Clock clock) {
		this.user = user;
		this.lab = lab;
		this.rateLimiter = rateLimiter;
		this.clock = clock;
	}

	/** The lab's collections, as choices that open their configured folder. */
	public List<Choice> labCollections() {
		return this.lab.collections()
			.stream()
			.map((c) -> new Choice(c.id().toString(), c.name(), c.path(), null))
			.toList();
	}

	/** The user's bookmarks, as choices that open their folder. */
	public List<Choice> bookmarks() {
		return this.user.transfer()
			.bookmarks()
			.stream()
			.filter((b) -> b.endpointId() != null)
			.map((b) -> new Choice(b.endpointId(), (b.name() != null) ? b.name() : b.endpointId(), b.path(), b.id()))
			.toList();
	}

	/**
	 * The user's bookmarks for a form, reused for a minute (a form is shown again often);
	 * empty when Globus cannot list them just now.
	 */
	List<Choice> cachedBookmarks() {
		return cached("bookmarks", this::bookmarks);
	}

	/**
	 * The collections the user used recently at Globus ({@code recently-used}), reused
	 * for a minute; empty when Globus cannot list them just now. Not counted against the
	 * search limit: the page asks, not the user.
	 */
	List<Choice> recentlyUsed() {
		return cached("recent",
				() -> choices(this.user.transfer()
					.searchCollections(
							new CollectionSearch(null, "recently-used", null, null, null, null, SEARCH_LIMIT, 0))
					.data()));
	}

	/** Forgets the user's cached lists, after they changed their bookmarks. */
	void forgetLists() {
		String subject = this.user.subject();
		this.cache.remove(subject + " bookmarks");
		this.cache.remove(subject + " recent");
	}

	private List<Choice> cached(String list, java.util.function.Supplier<List<Choice>> fetch) {
		String key = this.user.subject() + " " + list;
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(key);
		if (cached != null && cached.fetched().plus(LISTS_TTL).isAfter(now)) {
			return cached.choices();
		}
		try {
			List<Choice> choices = fetch.get();
			if (this.cache.size() >= MAX_CACHED_USERS) {
				this.cache.clear();
			}
			this.cache.put(key, new Cached(choices, now));
			return choices;
		}
		catch (GlobusApiException ex) {
			// The form still offers the lab's collections and search.
			return List.of();
		}
	}

	/**
	 * Collections matching the text within a scope; {@code all} needs some text, as
	 * Globus requires.
	 */
	public List<Choice> search(String text, String scope) {
		String fulltext = (text == null || text.isBlank()) ? null : text.strip();
		String checked = SCOPES.containsKey(scope) ? scope : "all";
		if (fulltext == null && "all".equals(checked)) {
			return List.of();
		}
		Duration wait = this.rateLimiter.acquire(this.user.subject(), RateLimiter.Action.SEARCH);
		if (!wait.isZero()) {
			throw new SlowDownException(wait);
		}
		return choices(this.user.transfer()
			.searchCollections(new CollectionSearch(fulltext, checked, null, null, null, null, SEARCH_LIMIT, 0))
			.data());
	}

	private static List<Choice> choices(List<Collection> found) {
		List<Choice> choices = new ArrayList<>();
		for (Collection c : found) {
			String path = (c.defaultDirectory() != null && c.defaultDirectory().startsWith("/")
					&& !c.defaultDirectory().contains("{")) ? c.defaultDirectory() : null;
			choices.add(new Choice(c.id(), c.name(), path, null, c.entityType(), c.ownerString()));
		}
		return choices;
	}

	/**
	 * Globus's entity type in words, e.g. {@code mapped collection}; {@code null} when
	 * not known.
	 */
	public static String typeWords(String entityType) {
		if (entityType == null) {
			return null;
		}
		return switch (entityType) {
			case "GCSv5_mapped_collection" -> "mapped collection";
			case "GCSv5_guest_collection" -> "guest collection";
			case "GCP_mapped_collection" -> "Globus Connect Personal";
			case "GCP_guest_collection" -> "shared from Globus Connect Personal";
			case "GCSv5_endpoint" -> "endpoint, not a collection";
			case "GCSv4_host" -> "GCSv4 endpoint";
			case "GCSv4_share" -> "GCSv4 shared endpoint";
			default -> null;
		};
	}

	private static Map<String, String> orderedScopes() {
		Map<String, String> scopes = new LinkedHashMap<>();
		scopes.put("all", "all collections");
		scopes.put("my-endpoints", "my collections");
		scopes.put("recently-used", "recently used");
		scopes.put("shared-with-me", "shared with me");
		scopes.put("in-use", "in use");
		scopes.put("administered-by-me", "administered by me");
		scopes.put("shared-by-me", "shared by me");
		return Collections.unmodifiableMap(scopes);
	}

	/**
	 * A collection to pick.
	 *
	 * @param id collection id
	 * @param name display name
	 * @param path folder to open, or {@code null} for the collection's default
	 * @param bookmarkId the bookmark's id, for bookmarks
	 * @param entityType Globus's entity type, for search results
	 * @param owner who owns it, for search results
	 */
	public record Choice(String id, String name, String path, String bookmarkId, String entityType, String owner) {

		Choice(String id, String name, String path, String bookmarkId) {
			this(id, name, path, bookmarkId, null, null);
		}

	}

}
