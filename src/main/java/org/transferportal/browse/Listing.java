package org.transferportal.browse;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a folder as the browse page shows it.
 *
 * @param collectionId the collection
 * @param collectionName its display name
 * @param path the folder, as Globus resolved it (ends in {@code /})
 * @param entries folders first, then files
 * @param offset first entry of this page
 * @param total entries in the folder
 * @param pageSize entries per page
 */
record Listing(String collectionId, String collectionName, String path, List<Entry> entries, int offset, int total,
		int pageSize) {

	/**
	 * A file or folder, with the full path to link to; {@code modified} is {@code null}
	 * when Globus does not say.
	 */
	record Entry(String name, boolean directory, String path, String size, java.time.OffsetDateTime modified) {
	}

	/** A step of the breadcrumb trail. */
	record Crumb(String name, String path) {
	}

	/** The folders from the root down to this one. */
	public List<Crumb> breadcrumbs() {
		List<Crumb> crumbs = new ArrayList<>();
		crumbs.add(new Crumb("/", "/"));
		StringBuilder path = new StringBuilder("/");
		for (String part : this.path.split("/")) {
			if (!part.isEmpty()) {
				path.append(part).append('/');
				crumbs.add(new Crumb(part, path.toString()));
			}
		}
		return crumbs;
	}

	/** The folder above, or {@code null} at the root. */
	public String parent() {
		if ("/".equals(this.path)) {
			return null;
		}
		String trimmed = this.path.substring(0, this.path.length() - 1);
		return trimmed.substring(0, trimmed.lastIndexOf('/') + 1);
	}

	public boolean hasNext() {
		return this.offset + this.entries.size() < this.total;
	}

	public boolean hasPrevious() {
		return this.offset > 0;
	}

	public int nextOffset() {
		return this.offset + this.pageSize;
	}

	public int previousOffset() {
		return Math.max(0, this.offset - this.pageSize);
	}

}
