package org.transferportal.transfer;

import java.util.List;

import org.transferportal.globus.TransferDocument;

/**
 * Writes the items of a retry as the transfer form's batch, in the Globus CLI's format:
 * relative to the form's folders where an item lies within them (so the batch reads as
 * the user wrote the original), absolute otherwise; folders {@code --recursive}, files
 * {@code --no-recursive}, and the type left to Transfer where Globus did not say.
 */
final class RetryBatch {

	private RetryBatch() {
	}

	static String of(List<TransferDocument.Item> items, String sourceBase, String destinationBase) {
		StringBuilder batch = new StringBuilder();
		for (TransferDocument.Item item : items) {
			boolean folder = Boolean.TRUE.equals(item.recursive());
			batch.append(SelectionManifest.quote(relative(item.sourcePath(), sourceBase, folder)))
				.append(' ')
				.append(SelectionManifest.quote(relative(item.destinationPath(), destinationBase, folder)));
			if (item.recursive() != null) {
				batch.append(folder ? " --recursive" : " --no-recursive");
			}
			batch.append('\n');
		}
		return batch.toString();
	}

	/**
	 * The path relative to the base folder if it lies within it, else as it is. A
	 * relative path never starts with {@code -}, which the batch would read as an option.
	 */
	private static String relative(String path, String base, boolean folder) {
		String shown = (folder && !path.endsWith("/")) ? path + "/" : path;
		String prefix = base.strip();
		if (prefix.isEmpty()) {
			return shown;
		}
		prefix = prefix.endsWith("/") ? prefix : prefix + "/";
		if (shown.startsWith(prefix) && shown.length() > prefix.length()
				&& !shown.substring(prefix.length()).startsWith("-")) {
			return shown.substring(prefix.length());
		}
		return shown;
	}

}
