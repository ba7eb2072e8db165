package org.transferportal.globus;

import java.util.List;

/**
 * The options of a folder listing ({@code operation/endpoint/{id}/ls}).
 *
 * @param path folder to list, or {@code null} for the collection's default folder
 * @param showHidden whether to include dot files
 * @param orderBy e.g. {@code type ASC,name ASC}, or {@code null}
 * @param filters filter clauses such as {@code name:~*.txt}, each sent as its own
 * {@code filter} parameter
 * @param limit page size, or 0 for Globus's default
 * @param offset first entry
 * @param localUser the local account to list as, for mapped collections that allow it
 */
public record ListingQuery(String path, boolean showHidden, String orderBy, List<String> filters, int limit, int offset,
		String localUser) {

	public ListingQuery {
		filters = (filters != null) ? List.copyOf(filters) : List.of();
	}

	/** A folder, with hidden files and Globus's default order. */
	public static ListingQuery of(String path) {
		return new ListingQuery(path, true, null, List.of(), 0, 0, null);
	}

}
