package org.transferportal.deletes;

import java.util.List;

/**
 * A delete as its draft keeps it: the entries of one folder of a collection to delete
 * (names, folders ending in {@code /}), the task's label, and whether the user has
 * confirmed it (then a return from Globus Auth submits it without asking again).
 *
 * @param collection the collection id
 * @param folder the folder the entries are in, ending in {@code /}
 * @param items the entries' names, a folder's with a trailing {@code /}
 * @param label the delete task's label
 * @param confirmed whether the user confirmed the delete
 */
record DeleteForm(String collection, String folder, List<String> items, String label, boolean confirmed) {

	DeleteForm {
		items = (items != null) ? List.copyOf(items) : List.of();
		label = (label != null) ? label : "";
	}

	/** The absolute paths to delete, a folder's ending in {@code /}. */
	List<String> paths() {
		return this.items.stream().map((item) -> this.folder + item).toList();
	}

	/** The entries that are folders, deleted with everything in them. */
	List<String> folders() {
		return this.items.stream().filter((item) -> item.endsWith("/")).toList();
	}

	/** Whether Transfer must delete recursively: some entry is a folder. */
	boolean recursive() {
		return !folders().isEmpty();
	}

	DeleteForm confirmedWith(String newLabel) {
		return new DeleteForm(this.collection, this.folder, this.items, newLabel, true);
	}

	/**
	 * What the user types to confirm a delete of folders: the folder's name when there is
	 * one, else {@code delete N folders}; {@code null} when no folder goes (files need no
	 * typing).
	 */
	String confirmationPhrase() {
		List<String> folders = folders();
		if (folders.isEmpty()) {
			return null;
		}
		if (folders.size() == 1) {
			String folder = folders.get(0);
			return folder.substring(0, folder.length() - 1);
		}
		return "delete " + folders.size() + " folders";
	}

}
