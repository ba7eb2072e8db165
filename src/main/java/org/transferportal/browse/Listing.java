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
 * @param https what the collection's HTTPS server offers here
 */
record Listing(String collectionId, String collectionName, String path, List<Entry> entries, int offset, int total,
		int pageSize, Https https) {

	/**
	 * A file or folder, with the full path to link to.
	 *
	 * @param modified when it last changed, or {@code null} when Globus does not say
	 * @param previewable whether a preview can show it (a file of a kind it shows)
	 */
	record Entry(String name, boolean directory, String path, String size, java.time.OffsetDateTime modified,
			boolean previewable) {
	}

	/**
	 * What the collection's HTTPS server offers in this folder.
	 *
	 * @param downloads whether files can be downloaded and previewed through the portal
	 * @param uploads whether files can be uploaded here through the portal
	 * @param granted whether the portal holds the user's token for the server (else the
	 * upload form is a button that asks Globus first)
	 */
	record Https(boolean downloads, boolean uploads, boolean granted) {

		static final Https NONE = new Https(false, false, false);

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
