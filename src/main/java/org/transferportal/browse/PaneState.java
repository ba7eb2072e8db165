package org.transferportal.browse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.util.MultiValueMap;

import org.transferportal.collections.CollectionIds;
import org.transferportal.globus.ListingQuery;
import org.transferportal.support.GlobusPath;

/**
 * What one pane of the file manager shows, as it travels in the page's address: the
 * collection and folder, the page, the name filter, the sort, hidden files, and the
 * picker's search.
 *
 * @param collection collection id as given (may be blank or not a UUID)
 * @param path folder as given, or blank for the collection's default
 * @param offset first entry of the page
 * @param filter text the names must contain
 * @param sort {@code name}, {@code size} or {@code last_modified}
 * @param descending whether the sort is reversed
 * @param hidden whether dot files are shown
 * @param query text of the collection search
 * @param scope the collection search's Globus filter scope
 */
record PaneState(String collection, String path, int offset, String filter, String sort, boolean descending,
		boolean hidden, String query, String scope) {

	static final int PAGE_SIZE = 100;

	static final List<String> SORTS = List.of("name", "size", "last_modified");

	PaneState {
		collection = clean(collection);
		path = clean(path);
		offset = Math.max(0, Math.min(offset, 1_000_000));
		filter = clean(filter);
		sort = (sort != null && SORTS.contains(sort)) ? sort : "name";
		query = clean(query);
		scope = clean(scope);
	}

	/** A pane at the collection picker, with the default sort. */
	static PaneState empty() {
		return new PaneState("", "", 0, "", "name", false, false, "", "");
	}

	static PaneState from(MultiValueMap<String, String> params, String prefix) {
		return new PaneState(params.getFirst(prefix + "collection"), params.getFirst(prefix + "path"),
				number(params.getFirst(prefix + "offset")), params.getFirst(prefix + "filter"),
				params.getFirst(prefix + "sort"), params.containsKey(prefix + "desc"),
				params.containsKey(prefix + "hidden"), params.getFirst(prefix + "q"),
				params.getFirst(prefix + "scope"));
	}

	/** The collection id, or {@code null} when none (or no valid one) is chosen. */
	UUID collectionId() {
		return CollectionIds.parse(this.collection);
	}

	/** Whether the path is one Globus can be asked for (or none: the default folder). */
	boolean pathValid() {
		return this.path.isEmpty() || GlobusPath.isValid(this.path);
	}

	/** The Globus listing this pane asks for: folders first, then the chosen order. */
	ListingQuery listingQuery() {
		String direction = this.descending ? " DESC" : " ASC";
		String order = "type ASC," + this.sort + direction + ("name".equals(this.sort) ? "" : ",name ASC");
		// '/' separates filter clauses, ',' alternatives: neither can be searched for.
		String text = this.filter.replace("/", "").replace(",", "");
		List<String> filters = text.isEmpty() ? List.of() : List.of("name:~*" + text + "*");
		return new ListingQuery(this.path.isEmpty() ? null : this.path, this.hidden, order, filters, PAGE_SIZE,
				this.offset, null);
	}

	/** This pane's parameters, with the prefix, leaving out empty and default ones. */
	Map<String, String> params(String prefix) {
		Map<String, String> params = new LinkedHashMap<>();
		put(params, prefix + "collection", this.collection);
		put(params, prefix + "path", this.path);
		put(params, prefix + "offset", (this.offset > 0) ? Integer.toString(this.offset) : "");
		put(params, prefix + "filter", this.filter);
		put(params, prefix + "sort", "name".equals(this.sort) ? "" : this.sort);
		put(params, prefix + "desc", this.descending ? "1" : "");
		put(params, prefix + "hidden", this.hidden ? "1" : "");
		put(params, prefix + "q", this.query);
		put(params, prefix + "scope", this.scope);
		return params;
	}

	PaneState withFolder(String collection, String path) {
		return new PaneState(collection, path, 0, "", this.sort, this.descending, this.hidden, "", "");
	}

	PaneState withPath(String path) {
		return new PaneState(this.collection, path, 0, "", this.sort, this.descending, this.hidden, this.query,
				this.scope);
	}

	PaneState withOffset(int offset) {
		return new PaneState(this.collection, this.path, offset, this.filter, this.sort, this.descending, this.hidden,
				this.query, this.scope);
	}

	PaneState withSort(String sort) {
		boolean descending = sort.equals(this.sort) && !this.descending;
		return new PaneState(this.collection, this.path, 0, this.filter, sort, descending, this.hidden, this.query,
				this.scope);
	}

	PaneState cleared() {
		return new PaneState("", "", 0, "", this.sort, this.descending, this.hidden, "", "");
	}

	private static void put(Map<String, String> params, String name, String value) {
		if (!value.isEmpty()) {
			params.put(name, value);
		}
	}

	private static String clean(String text) {
		return (text != null) ? text.strip() : "";
	}

	static int number(String text) {
		try {
			return (text != null) ? Integer.parseInt(text.strip()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
