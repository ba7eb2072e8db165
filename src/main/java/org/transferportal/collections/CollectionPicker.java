package org.transferportal.collections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import org.transferportal.auth.CurrentUser;
import org.transferportal.globus.Collection;
import org.transferportal.globus.CollectionSearch;
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

	private final CurrentUser user;

	private final LabProperties lab;

	private final RateLimiter rateLimiter;

	CollectionPicker(CurrentUser user, LabProperties lab, RateLimiter rateLimiter) {
		this.user = user;
		this.lab = lab;
		this.rateLimiter = rateLimiter;
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
		List<Choice> choices = new ArrayList<>();
		for (Collection c : this.user.transfer()
			.searchCollections(new CollectionSearch(fulltext, checked, null, null, null, null, SEARCH_LIMIT, 0))
			.data()) {
			String path = (c.defaultDirectory() != null && c.defaultDirectory().startsWith("/")
					&& !c.defaultDirectory().contains("{")) ? c.defaultDirectory() : null;
			choices.add(new Choice(c.id(), c.name(), path, null, c.entityType(), c.ownerString()));
		}
		return choices;
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
