package org.transferportal.deletes;

import java.util.List;

/**
 * What the preview page shows before a delete: where, what goes (the first entries, with
 * what is inside the first folders), how much, and what to type to confirm.
 *
 * @param draftId the delete's draft
 * @param collectionId the collection id
 * @param collectionName its name
 * @param folder the folder the entries are in
 * @param entries the first entries that go
 * @param more how many entries more go
 * @param files how many files are selected
 * @param folders how many folders are selected (each with everything in it)
 * @param confirmationPhrase what to type to confirm, or {@code null} when only files go
 * @param confirmed whether the user confirmed already (an attempt that failed: sending it
 * again needs no typing)
 * @param label the task's label
 */
record DeletePreview(String draftId, String collectionId, String collectionName, String folder, List<Entry> entries,
		int more, int files, int folders, String confirmationPhrase, boolean confirmed, String label) {

	/** Entries shown by name; the rest are counted. */
	static final int SHOWN = 100;

	/** Folders whose contents are looked into. */
	static final int FOLDERS_LOOKED_INTO = 10;

	/** Names shown of what is inside a folder. */
	static final int INSIDE_SHOWN = 5;

	public boolean recursive() {
		return this.folders > 0;
	}

	/** Whether the user must type the phrase before the delete goes. */
	public boolean needsTyping() {
		return this.confirmationPhrase != null && !this.confirmed;
	}

	/** What goes, counted: e.g. {@code 2 files and 1 folder}, {@code 1 folder}. */
	public String what() {
		String files = this.files + ((this.files == 1) ? " file" : " files");
		String folders = this.folders + ((this.folders == 1) ? " folder" : " folders");
		if (this.folders == 0) {
			return files;
		}
		return (this.files == 0) ? folders : files + " and " + folders;
	}

	/** How many entries go in all. */
	public int total() {
		return this.files + this.folders;
	}

	/**
	 * One entry that goes.
	 *
	 * @param name its name
	 * @param path its full path
	 * @param folder whether it is a folder (deleted with everything in it)
	 * @param inside what is directly inside a folder, when looked into
	 */
	record Entry(String name, String path, boolean folder, Inside inside) {
	}

	/**
	 * What is directly inside a folder: how many entries, and the first few names; or why
	 * that is not known.
	 */
	record Inside(int total, List<String> first, String unknown) {

		public int more() {
			return Math.max(0, this.total - this.first.size());
		}

	}

}
