package org.transferportal.deletes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.transferportal.collections.CollectionIds;
import org.transferportal.lab.LabProperties;
import org.transferportal.support.EntryName;
import org.transferportal.support.GlobusPath;
import org.transferportal.support.Text;

/**
 * Reads what the file manager asked to delete — the entries ticked in a pane's folder, or
 * the pane's folder itself — and applies the rules before anything is kept or sent: valid
 * collection id, folder and names; never a collection's root, a home folder or the lab's
 * own folder on a collection; and only where the lab allows deletes.
 */
final class DeleteSelection {

	/** Entries one delete may name. */
	static final int MAX_ITEMS = 1000;

	/** The longest label Globus takes. */
	static final int MAX_LABEL = 128;

	private DeleteSelection() {
	}

	/** The delete's form, or why it cannot be. */
	record Read(DeleteForm form, String problem) {

		boolean valid() {
			return this.problem == null;
		}

	}

	/**
	 * @param collection the pane's collection id, as posted
	 * @param folder the pane's folder, as posted
	 * @param items the ticked entries' names (folders ending in {@code /})
	 * @param wholeFolder whether the pane's folder itself is to go
	 */
	static Read read(String collection, String folder, List<String> items, boolean wholeFolder, LabProperties lab) {
		UUID id = CollectionIds.parse((collection != null) ? collection.strip() : "");
		if (id == null) {
			return refused(CollectionIds.PROBLEM);
		}
		String base = (folder != null) ? folder.strip() : "";
		base = base.endsWith("/") ? base : base + "/";
		String pathProblem = GlobusPath.problem(base);
		if (pathProblem != null) {
			return refused(pathProblem);
		}
		List<String> entries = new ArrayList<>();
		if (wholeFolder) {
			if (isRoot(base)) {
				return refused(rootProblem(base));
			}
			String bare = base.substring(0, base.length() - 1);
			entries.add(bare.substring(bare.lastIndexOf('/') + 1) + "/");
			base = bare.substring(0, bare.lastIndexOf('/') + 1);
		}
		else if (items != null) {
			items.stream().filter((item) -> item != null && !item.isEmpty()).distinct().forEach(entries::add);
		}
		if (entries.isEmpty()) {
			return refused("Select at least one file or folder to delete.");
		}
		if (entries.size() > MAX_ITEMS) {
			return refused("One delete can remove at most " + MAX_ITEMS + " entries; select fewer.");
		}
		for (String entry : entries) {
			String name = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
			String problem = EntryName.problem(name);
			problem = (problem != null) ? problem : GlobusPath.problem(base + entry);
			if (problem != null) {
				return refused("“" + name + "”: " + problem);
			}
			if (isRoot(base + entry)) {
				return refused(rootProblem(base + entry));
			}
		}
		DeleteForm form = new DeleteForm(id.toString(), base, entries, defaultLabel(base, entries), false);
		String policy = policyProblem(form, lab);
		return (policy != null) ? refused(policy) : new Read(form, null);
	}

	/**
	 * Why the lab forbids this delete (its policy on the collection, or the lab's own
	 * folder on it), or {@code null}. Checked again at submission: settings change.
	 */
	static String policyProblem(DeleteForm form, LabProperties lab) {
		UUID id = UUID.fromString(form.collection());
		if (!lab.deletesAllowed(id)) {
			String name = lab.collectionNames().getOrDefault(form.collection(), "this collection");
			return "The lab does not allow deleting anything on " + name
					+ " through the portal. Ask the lab's admin if something there must go.";
		}
		String labFolder = lab.labFolder(id).map(DeleteSelection::asFolder).orElse(null);
		for (String path : form.paths()) {
			if (labFolder != null && labFolder.startsWith(asFolder(path))) {
				return "“" + path + "” is the lab's own folder on this collection (or holds it), so the "
						+ "portal does not delete it.";
			}
		}
		return null;
	}

	/** A label's problem, or {@code null}. */
	static String labelProblem(String label) {
		String clean = (label != null) ? label.strip() : "";
		if (clean.length() > MAX_LABEL) {
			return "A label can have at most " + MAX_LABEL + " characters";
		}
		if (Text.hasControlCharacter(clean)) {
			return "A label cannot contain line breaks or control characters";
		}
		return null;
	}

	/**
	 * The root of a collection, or the user's home folder ({@code /~/}), never deleted.
	 */
	static boolean isRoot(String path) {
		String folder = asFolder(path.strip());
		return "/".equals(folder) || "/~/".equals(folder);
	}

	/**
	 * Why a delete would remove one of these folders, or a folder that holds one (the
	 * home folder as the storage spells it out, say), or {@code null}.
	 */
	static String protectedProblem(DeleteForm form, Collection<String> folders) {
		for (String path : form.paths()) {
			String target = asFolder(path);
			for (String kept : folders) {
				if (asFolder(kept).startsWith(target)) {
					return rootProblem(path);
				}
			}
		}
		return null;
	}

	private static String rootProblem(String path) {
		return "“" + path + "” is the root of the collection or a home folder, or holds one: the portal does not "
				+ "delete it. Open it and select what is inside instead.";
	}

	private static String defaultLabel(String folder, List<String> entries) {
		String what = (entries.size() == 1) ? entries.get(0) : entries.size() + " entries";
		String label = "Delete " + what + " in " + folder;
		return (label.length() <= MAX_LABEL) ? label : label.substring(0, MAX_LABEL).strip();
	}

	private static String asFolder(String path) {
		return path.endsWith("/") ? path : path + "/";
	}

	private static Read refused(String problem) {
		return new Read(null, problem);
	}

}
