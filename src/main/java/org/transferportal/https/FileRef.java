package org.transferportal.https;

import java.util.UUID;

import org.transferportal.collections.CollectionIds;
import org.transferportal.support.EntryName;
import org.transferportal.support.GlobusPath;

/**
 * A file on a collection, as a download, preview or upload names it: a collection id and
 * an absolute path that passes the portal's path rule and ends in a valid name.
 *
 * @param collection the collection
 * @param path the file's absolute path
 */
record FileRef(UUID collection, String path) {

	/** A file, or why the text names none. */
	sealed interface Parsed {

		/** The file. */
		record Valid(FileRef file) implements Parsed {
		}

		/** Why not. */
		record Invalid(String problem, boolean folder) implements Parsed {
		}

	}

	static Parsed parse(String collection, String path) {
		UUID id = CollectionIds.parse((collection != null) ? collection.strip() : null);
		if (id == null) {
			return new Parsed.Invalid(CollectionIds.PROBLEM, false);
		}
		String problem = GlobusPath.problem(path);
		if (problem != null) {
			return new Parsed.Invalid(problem, false);
		}
		if (path.endsWith("/")) {
			return new Parsed.Invalid("That is a folder. Folders are not packed into one download (no zip): "
					+ "transfer the folder with Globus instead.", true);
		}
		String nameProblem = EntryName.problem(name(path));
		if (nameProblem != null) {
			return new Parsed.Invalid(nameProblem, false);
		}
		return new Parsed.Valid(new FileRef(id, path));
	}

	/** The file's name, its path's last segment. */
	String name() {
		return name(this.path);
	}

	/** The folder the file is in, ending in {@code /}. */
	String folder() {
		return this.path.substring(0, this.path.lastIndexOf('/') + 1);
	}

	private static String name(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

}
