package org.transferportal.transfer;

import java.util.List;

import org.transferportal.support.EntryName;

/**
 * Writes the file manager's selection as a batch in the Globus CLI's format, so that it
 * lands in the transfer form's batch field: names relative to both base folders, folders
 * (named with a trailing {@code /}) recursive.
 */
final class SelectionManifest {

	private SelectionManifest() {
	}

	/** The batch, or {@code null} if a name cannot be an entry of a folder. */
	static String of(List<String> names) {
		StringBuilder manifest = new StringBuilder();
		for (String name : names) {
			boolean folder = name.endsWith("/");
			String bare = folder ? name.substring(0, name.length() - 1) : name;
			if (!EntryName.isValid(bare)) {
				return null;
			}
			String quoted = quote(bare + (folder ? "/" : ""));
			manifest.append(quoted).append(' ').append(quoted).append(folder ? " --recursive" : "").append('\n');
		}
		return manifest.toString();
	}

	/** Double quotes, with the two characters that are special inside them escaped. */
	static String quote(String word) {
		return '"' + word.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

}
