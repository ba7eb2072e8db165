package org.transferportal.transfer;

import java.util.List;
import java.util.UUID;

import org.transferportal.collections.CollectionIds;
import org.transferportal.support.EntryName;
import org.transferportal.support.GlobusPath;

/**
 * What the file manager chose for one side of a transfer form, applied to the form: a
 * folder (its path ends in {@code /}, so it is copied whole), one file or folder in it,
 * or several (the folder, with a batch of their names).
 *
 * @param source the source side, else the destination
 * @param collection the collection chosen
 * @param folder the folder the choice was made in (ends in {@code /})
 * @param items the names chosen in it (folders end in {@code /}); none: the folder itself
 */
record FormChoice(boolean source, UUID collection, String folder, List<String> items) {

	/** The choice, or {@code null} when what was posted cannot be one. */
	static FormChoice of(String side, String collection, String folder, List<String> items) {
		UUID id = CollectionIds.parse(collection);
		String base = (folder == null) ? "" : folder.strip();
		base = (base.isEmpty() || base.endsWith("/")) ? base : base + "/";
		List<String> names = (items != null) ? items : List.of();
		boolean namesValid = names.stream()
			.allMatch((n) -> EntryName.isValid(n.endsWith("/") ? n.substring(0, n.length() - 1) : n));
		if (!("source".equals(side) || "destination".equals(side)) || id == null || base.isEmpty()
				|| !GlobusPath.isValid(base) || !namesValid) {
			return null;
		}
		return new FormChoice("source".equals(side), id, base, names);
	}

	/** The form with this choice; the batch only stays when the other side was chosen. */
	TransferForm applyTo(TransferForm form) {
		if (!this.source) {
			// A destination is a folder: the one chosen, or the single folder ticked in
			// it.
			String into = (this.items.size() == 1 && this.items.get(0).endsWith("/")) ? this.folder + this.items.get(0)
					: this.folder;
			return form.withSide(false, this.collection.toString(), into, form.manifest());
		}
		if (this.items.isEmpty()) {
			return form.withSide(true, this.collection.toString(), this.folder, "");
		}
		if (this.items.size() == 1) {
			return form.withSide(true, this.collection.toString(), this.folder + this.items.get(0), "");
		}
		return form.withSide(true, this.collection.toString(), this.folder, SelectionManifest.of(this.items));
	}

	/** What the form says about the choice, for the notice above it. */
	String notice() {
		if (!this.source) {
			return "Destination chosen.";
		}
		return this.items.size() > 1 ? "Source chosen: " + this.items.size() + " items, as a batch." : "Source chosen.";
	}

}
